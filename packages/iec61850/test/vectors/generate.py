#!/usr/bin/env python3
"""Writes the golden JER vectors (*.jsonl): one {"name":...,"jer":<frame>} per line.

The frames are written by Python's json module, the same serializer the RTI 2.0 reference
implementation's JER codec uses, in canonical form (schema field order, DEFAULTs omitted, upper-case
hex, REAL with a decimal point). The TypeScript codec must decode each and re-encode it to the same
text. Run: python3 packages/iec61850/test/vectors/generate.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
AID = "a-CP0001"
OR_IDENT = ("operator-17".encode().hex().upper()).ljust(128, "0")
TQ = {"timeAccuracy": 10}
TQ_BAD = {"leapSecondsKnown": False, "clockFailure": True, "clockNotSynchronized": True, "timeAccuracy": 7}
T = {"secondSinceEpoch": 1767225600, "fractionOfSecond": 8388608, "timeQuality": TQ}
T2 = {"secondSinceEpoch": 1767225601, "fractionOfSecond": 0, "timeQuality": TQ_BAD}
ORIGIN = {"orCat": "remoteControl", "orIdent": OR_IDENT}
ENTRY_ID = "000000000000002A"


def req(invoke, service):
    return {"request": {"associateId": AID, "invokeId": invoke, "service": service}}


def resp(invoke, service):
    return {"response": {"associateId": AID, "invokeId": invoke, "service": service}}


def assoc(service):
    return {"associate": {"service": service}}


def unconf(service):
    return {"unconfirmed": {"associateId": AID, "service": service}}


def mv(ref, f, q=None):
    q = {} if q is None else q
    return {"dataRef": ref, "value": [{"name": "mag", "data": {"structure": {"data": [{"float32": f}]}}},
                                      {"name": "q", "data": {"quality": q}}, {"name": "t", "data": {"timeStamp": T}}],
            "reasonCode": {"dataChange": True}}


ASSOCIATION = [
    ("protocol: associateRequest", assoc({"associateRequest": {"calledAP": "CP0001", "maxMessageSize": 65000}})),
    ("protocol: associateResponse", assoc({"associateResponse": {"maxMessageSize": 65000, "associateId": AID, "maxOutstandingCalls": 10}})),
    ("associateRequest without calledAP", assoc({"associateRequest": {"maxMessageSize": 4294967295}})),
    ("associateResponse refused", assoc({"associateResponse": {"maxMessageSize": 0, "associateId": "", "serviceError": "accessViolation"}})),
    ("releaseRequest", assoc({"releaseRequest": {"invokeId": 41, "associateId": AID}})),
    ("releaseResponse", assoc({"releaseResponse": {"invokeId": 41, "associateId": AID}})),
    ("releaseResponse with error", assoc({"releaseResponse": {"invokeId": 41, "associateId": AID, "serviceError": "instanceInUse"}})),
    ("abortRequest", assoc({"abortRequest": {"invokeId": 0, "associateId": AID}})),
    ("abortResponse", assoc({"abortResponse": {"invokeId": 0, "associateId": AID, "serviceError": "noError"}})),
    ("refreshToken", assoc({"refreshToken": {"associateId": AID, "token": "eyJhbGciOiJIUzI1NiJ9.e30.sig"}})),
]

DISCOVERY = [
    ("protocol: getServerDirectory request", req(1, {"getServerDirectory": {"objectClass": "logicalDevice"}})),
    ("protocol: getServerDirectory response", resp(1, {"getServerDirectory": {"result": ["CP0001"]}})),
    ("protocol: serviceError response", resp(7, {"serviceError": "instanceNotAvailable"})),
    ("getServerDirectory continueAfter", req(2, {"getServerDirectory": {"objectClass": "fileSystem", "continueAfter": "CP0001"}})),
    ("getServerDirectory moreFollows", resp(2, {"getServerDirectory": {"result": ["CP0001", "CP0002"], "moreFollows": True}})),
    ("getLogicalDeviceDirectory request", req(3, {"getLogicalDeviceDirectory": {"ldName": "CP0001"}})),
    ("getLogicalDeviceDirectory response", resp(3, {"getLogicalDeviceDirectory": {"lnRef": ["LLN0", "LPHD1", "MMXU1", "DWMX1"], "moreFollows": False}})),
    ("getLogicalNodeDirectory request", req(4, {"getLogicalNodeDirectory": {"lnRef": "CP0001/MMXU1", "aCSIClass": "dataObject"}})),
    ("getLogicalNodeDirectory urcb", req(5, {"getLogicalNodeDirectory": {"lnRef": "CP0001/LLN0", "aCSIClass": "urcb", "continueAfter": "urcbA"}})),
    ("getLogicalNodeDirectory response", resp(4, {"getLogicalNodeDirectory": {"instanceNames": ["TotW", "TotVAr", "TotPF", "Hz", "PhV", "A"]}})),
    ("getDataSetDirectory request", req(6, {"getDataSetDirectory": {"dsRef": "CP0001/LLN0.dsMeasurements"}})),
    ("getDataSetDirectory continueAfter", req(6, {"getDataSetDirectory": {"dsRef": "CP0001/LLN0.dsMeasurements", "continueAfter": {"ref": "CP0001/MMXU1.Hz", "fc": "mx"}}})),
    ("getDataSetDirectory response", resp(6, {"getDataSetDirectory": {"dsMemberRef": [{"ref": "CP0001/MMXU1.TotW", "fc": "mx"}, {"ref": "CP0001/MMXU1.Hz", "fc": "mx"}]}})),
    ("getDataDefinition request", req(8, {"getDataDefinition": {"dataRef": "CP0001/MMXU1.TotW"}})),
    ("getDataDefinition response", resp(8, {"getDataDefinition": {"cdc": "MV", "dataAttributeDefinition": [
        {"daRef": "mag", "fc": "mx", "daType": {"structure": [{"cmpName": "f", "cmpType": {"float32": None}}]}},
        {"daRef": "q", "fc": "mx", "daType": {"quality": None}},
        {"daRef": "t", "fc": "mx", "daType": {"timeStamp": None}},
        {"daRef": "units", "fc": "cf", "daType": {"structure": [{"cmpName": "SIUnit", "cmpType": {"enumerated": None}}, {"cmpName": "multiplier", "cmpType": {"enumerated": None}}]}},
        {"daRef": "d", "fc": "dc", "daType": {"visString255": None}}]}})),
    ("getDataDefinition WYE response", resp(9, {"getDataDefinition": {"cdc": "WYE", "count": 0, "subDataDefinition": [
        {"name": "phsA", "cdc": "CMV", "dataAttributeDefinition": [{"daRef": "cVal", "fc": "mx", "daType": {"structure": [{"cmpName": "mag", "cmpType": {"structure": [{"cmpName": "f", "cmpType": {"float32": None}}]}}]}}]},
        {"name": "phsB", "subDataDefinition": []}], "moreFollows": False}})),
    ("getDataDefinition types", resp(10, {"getDataDefinition": {"dataAttributeDefinition": [
        {"daRef": "a", "fc": "st", "daType": {"array": {"numberOfElements": 4, "elementType": {"int32u": None}}}},
        {"daRef": "o", "fc": "dc", "daType": {"octetString": 64}},
        {"daRef": "b", "fc": "st", "daType": {"bitstring": 2}},
        {"daRef": "c", "fc": "co", "daType": {"check": None}}]}})),
    ("getDataDirectory request", req(11, {"getDataDirectory": {"dataRef": "CP0001/MMXU1.PhV"}})),
    ("getDataDirectory response", resp(11, {"getDataDirectory": {"subDataObjectName": ["phsA", "phsB", "phsC"], "dataAttrName": []}})),
]

DATA = [
    ("getDataValues request", req(12, {"getDataValues": {"ref": {"ref": "CP0001/MMXU1.TotW", "fc": "mx"}}})),
    ("getDataValues includeElementName", req(13, {"getDataValues": {"ref": {"ref": "CP0001/DWMX1.WMaxSpt", "fc": "mx"}, "includeElementName": True}})),
    ("getDataValues response", resp(12, {"getDataValues": {"dataAttrVal": [{"data": {"structure": {"data": [
        {"structure": {"data": [{"float32": 7350.5}]}}, {"quality": {}}, {"timeStamp": T}]}}}]}})),
    ("getDataValues response all types", resp(14, {"getDataValues": {"dataAttrVal": [
        {"name": "b", "data": {"boolean": True}}, {"data": {"int8": -128}}, {"data": {"int16": 32767}},
        {"data": {"int24": -8388608}}, {"data": {"int32": 2147483647}}, {"data": {"int64": 9007199254740993}},
        {"data": {"int64": -42}}, {"data": {"int8u": 255}}, {"data": {"int16u": 65535}}, {"data": {"int24u": 16777215}},
        {"data": {"int32u": 4294967295}}, {"data": {"float32": -0.5}}, {"data": {"float32": 1.5e-300}}, {"data": {"float32": 1e300}},
        {"data": {"float32": "NaN"}}, {"data": {"float32": "INF"}}, {"data": {"float32": "-INF"}}, {"data": {"float32": 0.0}},
        {"data": {"octetString": "00FFA5"}}, {"data": {"visString64": "Grid Console"}},
        {"data": {"visString129": "CP0001/DESE1.ChaSt"}}, {"data": {"visString255": "Laadpaal Stationsplein \u00e9\u20ac"}},
        {"data": {"array": {"data": [{"int32": 1}, {"int32": 2}]}}},
        {"data": {"structure": {"name": "cVal", "data": [{"structure": {"data": [{"float32": 230.1}]}}]}}},
        {"data": {"bitstring": {"value": "A0", "length": 3}}}, {"data": {"generalizedtime": "20260101000000.000Z"}},
        {"data": {"binarytime": "0000000A0001"}}, {"data": {"quality": {"detailQual": {"oldData": True}, "validity": "questionable", "source": "substituted", "test": True, "operatorBlock": True}}},
        {"data": {"timeStamp": T2}}, {"data": {"enumerated": 3}}, {"data": {"check": {"synchroCheck": False, "interlockCheck": True}}}]}})),
    ("setDataValues request", req(15, {"setDataValues": {"ref": {"ref": "CP0001/DWMX1.WMaxSet.setMag.f", "fc": "sp"}, "dataAttrVal": [{"data": {"float32": 11000.0}}]}})),
    ("setDataValues response", resp(15, {"setDataValues": {"result": "ok"}})),
    ("setDataValues co refused", resp(16, {"serviceError": "accessViolation"})),
    ("getDatasetValues request", req(17, {"getDatasetValues": {"dsRef": "CP0001/LLN0.dsStatus"}})),
    ("getDatasetValues response", resp(17, {"getDatasetValues": {"dsMemberValue": [{"data": {"enumerated": 3}}, {"data": {"boolean": True}}]}})),
    ("setDataSetValues request", req(18, {"setDataSetValues": {"dsRef": "CP0001/LLN0.dsX", "dataAttrVal": [{"data": {"int32": 1}}]}})),
    ("setDataSetValues response", resp(18, {"setDataSetValues": {"result": [{"success": None}, {"failure": 3}]}})),
    ("createDataSet request", req(19, {"createDataSet": {"dsRef": "@dsTemp", "dsMemberRef": [{"ref": "CP0001/MMXU1.TotW", "fc": "mx"}]}})),
    ("createDataSet response", resp(19, {"createDataSet": {"result": "ok"}})),
    ("deleteDataSet request", req(20, {"deleteDataSet": {"dsRef": "@dsTemp"}})),
    ("deleteDataSet response", resp(20, {"deleteDataSet": {"result": "ok"}})),
]

OPT_FLDS = {"seqNum": True, "timeStamp": True, "dataSet": True, "bufOvfl": True, "configRef": True, "entryID": True, "dataRef": True, "reasonCode": True}
REPORT_ENTRIES = [mv("CP0001/MMXU1.TotW", 7350.5), mv("CP0001/MMXU1.Hz", 50.0),
                  mv("CP0001/MMXU1.TotPF", 0.98, {"detailQual": {"oldData": True}, "validity": "questionable"})]
REPORTING = [
    ("getURCBValues request", req(21, {"getURCBValues": {"urcbRef": "CP0001/LLN0.urcbMeasurements01"}})),
    ("getURCBValues response", resp(21, {"getURCBValues": {"rptID": "urcbMeasurements", "rptEna": False, "dataSet": "CP0001/LLN0$dsMeasurements",
        "confRev": 1, "optFlds": OPT_FLDS, "bufTm": 50, "sqNum": 0, "trgOp": {"dchg": True, "integrity": True, "gi": True}, "intgPd": 1000, "gi": False, "resv": True, "owner": OR_IDENT}})),
    ("setURCBValues request", req(22, {"setURCBValues": {"urcbRef": "CP0001/LLN0.urcbMeasurements01", "bufTm": 50, "dataSet": "CP0001/LLN0$dsMeasurements",
        "intgPd": 1000, "optFlds": OPT_FLDS, "rptID": "urcbMeasurements", "resv": True, "trgOp": {"dchg": True, "integrity": True, "gi": True}}})),
    ("setURCBValues enable", req(23, {"setURCBValues": {"urcbRef": "CP0001/LLN0.urcbMeasurements01", "gi": True, "rptEna": True}})),
    ("setURCBValues response", resp(22, {"setURCBValues": {"result": "ok"}})),
    ("setURCBValues empty response", resp(23, {"setURCBValues": {}})),
    ("getBRCBValues request", req(24, {"getBRCBValues": {"brcbRef": "CP0001/LLN0.brcbStatus01"}})),
    ("getBRCBValues response", resp(24, {"getBRCBValues": {"rptID": "brcbStatus", "rptEna": True, "dataSet": "CP0001/LLN0$dsStatus", "confRev": 3,
        "optFlds": OPT_FLDS, "bufTm": 0, "sqNum": 65535, "trgOp": {"dchg": True, "gi": True}, "intgPd": 0, "gi": False, "purgeBuf": False,
        "entryID": ENTRY_ID, "timeOfEntry": T, "rsvdTimeSec": -1}})),
    ("setBRCBValues request", req(25, {"setBRCBValues": {"brcbRef": "CP0001/LLN0.brcbStatus01", "bufTm": 100, "dataSet": "CP0001/LLN0$dsStatus",
        "entryID": ENTRY_ID, "gi": False, "intgPd": 60000, "optFlds": OPT_FLDS, "purgeBuf": False, "rptEna": True, "rptID": "brcbStatus",
        "rsvdTimeSec": 30, "trgOp": {"dchg": True, "qchg": True, "dupd": True, "integrity": True, "gi": True}}})),
    ("setBRCBValues response", resp(25, {"setBRCBValues": {"result": "ok"}})),
    ("setBRCBValues refused", resp(26, {"serviceError": "instanceLockedByOtherClient"})),
    ("report URCB", unconf({"report": {"rptID": "urcbMeasurements", "sqNum": 17, "dataSet": "CP0001/LLN0$dsMeasurements", "confRev": 1,
        "entry": {"timeOfEntry": T, "entryData": REPORT_ENTRIES}}})),
    ("report BRCB with entryID and bufOvfl", unconf({"report": {"rptID": "brcbStatus", "sqNum": 0, "subSqNum": 2, "moreSegmentsFollow": True,
        "dataSet": "CP0001/LLN0$dsStatus", "bufOvfl": True, "confRev": 3, "entry": {"timeOfEntry": T2, "entryID": "FFFFFFFFFFFFFFFF", "entryData": [
            {"dataRef": "CP0001/DESE1.ChaSt.stVal", "value": [{"data": {"enumerated": 3}}], "reasonCode": {"dataChange": True, "generalInterrogation": True}},
            {"dataRef": "CP0001/DESE1.ChaSt.q", "value": [{"data": {"quality": {"validity": "invalid", "detailQual": {"failure": True}}}}], "reasonCode": {"qualityChange": True}},
            {"dataRef": "CP0001/LLN0.Mod", "value": [{"data": {"structure": {"data": [{"enumerated": 1}, {"quality": {}}, {"timeStamp": T}]}}}], "reasonCode": {"dataUpdate": True, "integrity": True, "applicationTrigger": True}}]}}})),
    ("report minimal", unconf({"report": {"rptID": "r", "entry": {"entryData": []}}})),
]
# Quality keys in schema order (detailQual first): fix the hand-written dict above.
REPORTING[-2][1]["unconfirmed"]["service"]["report"]["entry"]["entryData"][1]["value"][0]["data"]["quality"] = {"detailQual": {"failure": True}, "validity": "invalid"}

CTL = {"ref": "CP0001/DWMX1.WMaxSpt", "ctlVal": {"float32": 11000.0}}
CHECK = {"synchroCheck": False, "interlockCheck": False}
CONTROL = [
    ("select request", req(30, {"select": {"ref": "CP0001/DAGC1.WSpt"}})),
    ("select response", resp(30, {"select": {"success": True}})),
    ("select refused", resp(31, {"select": {"serviceError": "instanceLockedByOtherClient", "addCause": "objectAlreadySelected"}})),
    ("selectWithValue request", req(32, {"selectWithValue": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "origin": ORIGIN, "ctlNum": 7,
        "t": T, "test": False, "check": CHECK, "operTm": T2}})),
    ("selectWithValue response", resp(32, {"selectWithValue": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "origin": ORIGIN, "ctlNum": 7,
        "t": T, "test": False, "check": CHECK}})),
    ("selectWithValue response addCause", resp(33, {"selectWithValue": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "origin": ORIGIN, "ctlNum": 8,
        "t": T, "test": True, "check": {"synchroCheck": True, "interlockCheck": True}, "addCause": "blockedByMode"}})),
    ("operate request", req(34, {"operate": dict(CTL, origin=ORIGIN, ctlNum=9, t=T)})),
    ("operate request test+check", req(35, {"operate": {"ref": "CP0001/LLN0.Mod", "ctlVal": {"int32": 5}, "origin": {"orCat": "automaticRemote", "orIdent": "0" * 128},
        "ctlNum": 127, "t": T, "test": True, "check": CHECK}})),
    ("operate response", resp(34, {"operate": {"success": True}})),
    ("operate response failure", resp(35, {"operate": {"serviceError": "parameterValueInconsistent", "addCause": "inconsistentParameters"}})),
    ("operate response empty", resp(36, {"operate": {}})),
    ("cancel request", req(37, {"cancel": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "operTm": T2, "origin": ORIGIN, "ctlNum": 7, "t": T, "test": False}})),
    ("cancel response", resp(37, {"cancel": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "origin": ORIGIN, "ctlNum": 7, "t": T, "test": False}})),
    ("cancel response addCause", resp(38, {"cancel": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "origin": ORIGIN, "ctlNum": 7, "t": T, "test": False, "addCause": "objectNotSelected"}})),
    ("cmdTerm positive", unconf({"cmdTerm": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "origin": ORIGIN, "ctlNum": 7, "t": T, "test": False, "check": CHECK}})),
    ("cmdTerm negative", unconf({"cmdTerm": {"ref": "CP0001/DAGC1.WSpt", "ctlVal": {"float32": -5000.0}, "operTm": T2, "origin": ORIGIN, "ctlNum": 7, "t": T, "test": False, "check": CHECK, "addCause": "timeLimitOver"}})),
    ("timeActivatedOperate request", req(39, {"timeActivatedOperate": {"ref": "CP0001/DWMX1.WMaxSpt", "ctlVal": {"float32": 0.0}, "operTm": T2, "origin": ORIGIN, "ctlNum": 1, "t": T, "test": False, "check": CHECK}})),
    ("timeActivatedOPerateTermination request", req(40, {"timeActivatedOPerateTermination": {"ref": "CP0001/DWMX1.WMaxSpt", "ctlVal": {"float32": 0.0}, "origin": ORIGIN, "ctlNum": 2, "t": T, "test": True, "check": CHECK}})),
    ("timeActivatedOperate response", resp(39, {"timeActivatedOperate": {"ref": "CP0001/DWMX1.WMaxSpt", "ctlVal": {"float32": 0.0}, "operTm": T2, "origin": ORIGIN, "ctlNum": 1, "t": T, "test": False, "check": CHECK}})),
    ("timeActivatedOPerateTermination response", resp(39, {"timeActivatedOPerateTermination": {"ref": "CP0001/DWMX1.WMaxSpt", "ctlVal": {"float32": 0.0}, "origin": ORIGIN, "ctlNum": 1, "t": T, "test": False, "check": CHECK, "addCause": "none"}})),
]

LOG_ENTRY = {"timeOfEntry": T, "entryID": ENTRY_ID, "entryData": {"multipleEntries": [{"dataRef": "CP0001/MMTR1.SupWh.actVal", "value": [{"data": {"int64": 123456}}], "reasonCode": {"integrity": True}}]}}
LOG = [
    ("getLCBValues request", req(40, {"getLCBValues": {"lcbRef": "CP0001/LLN0.lcbEnergy"}})),
    ("getLCBValues response", resp(40, {"getLCBValues": {"logEna": True, "dsRef": "CP0001/LLN0$dsEnergy", "trgOpEna": {"integrity": True}, "intgPd": 900000, "logRef": "CP0001/LLN0$Log",
        "optFlds": {"reasonForInclusion": True, "reserved": False, "smpRate": False, "dsName": True, "smpMode": False}, "bufTm": 0}})),
    ("setLCBValues request", req(41, {"setLCBValues": {"lcbRef": "CP0001/LLN0.lcbEnergy", "logEna": True, "trgOpEna": {"dchg": True}}})),
    ("setLCBValues response", resp(41, {"setLCBValues": {}})),
    ("queryLogByTime request", req(42, {"queryLogByTime": {"logRef": "CP0001/LLN0$Log", "rangeStartTime": T, "rangeStopTime": T2}})),
    ("queryLogByTime response", resp(42, {"queryLogByTime": {"listOfLogEntries": [{"logName": "Log", "logRef": "CP0001/LLN0$Log", "oldEntrTm": T, "newEntrTm": T2,
        "oldEntr": ENTRY_ID, "newEntr": ENTRY_ID, "logEntry": [LOG_ENTRY, {"timeOfEntry": T2, "entryID": ENTRY_ID, "entryData": {"singleEntry": {"lcbRef": "CP0001/LLN0.lcbEnergy", "value": True}}}]}], "moreFollows": False}})),
    ("queryLogAfter request", req(43, {"queryLogAfter": {"logRef": "CP0001/LLN0$Log", "rangeStartTime": T, "entryID": ENTRY_ID, "continueAfter": "x"}})),
    ("queryLogAfter response", resp(43, {"queryLogAfter": {"listOfLogEntries": []}})),
    ("getLogStatusValues request", req(44, {"getLogStatusValues": {"logRef": "CP0001/LLN0$Log"}})),
    ("getLogStatusValues response", resp(44, {"getLogStatusValues": {"oldestEntryTime": T, "newestEntryTime": T2, "oldestEntry": ENTRY_ID, "newestEntry": ENTRY_ID}})),
]

GROUPS = {"association": ASSOCIATION, "discovery": DISCOVERY, "data": DATA, "reporting": REPORTING, "control": CONTROL, "log": LOG}

for group, vectors in GROUPS.items():
    with open(os.path.join(HERE, f"{group}.jsonl"), "w", encoding="utf-8") as f:
        for name, pdu in vectors:
            f.write(json.dumps({"name": name, "jer": pdu}, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(group, len(vectors))
