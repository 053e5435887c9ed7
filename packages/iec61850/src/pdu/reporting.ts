// Reporting: BRCB / URCB get/set, and the unconfirmed Report.
import type { Infer } from '../asn1/index.js';
import { boolean, integer, octetString, optional, sequence, sequenceOf, withDefault } from '../asn1/index.js';
import {
  EntryID, INT16U, INT32U, ObjectReference, OptFldsRCB, ReasonForInclusionInLog, TimeStamp, TrgOps,
  VisString129, VisString64, VisibleString,
} from './common.js';
import { DataAttributeValue } from './data.js';
import { Result } from './enums.js';

const u32 = integer(0, 4294967295);
const u16 = integer(0, 65535);
const i16 = integer(-32768, 32767);
const owner = octetString(64, 64);

/** GetBRCBValuesRequest ::= SEQUENCE { brcbRef [0] ObjectReference } */
export const GetBRCBValuesRequest = sequence({ brcbRef: ObjectReference });
export type GetBRCBValuesRequest = Infer<typeof GetBRCBValuesRequest>;

/*
GetBRCBValuesResponse ::= SEQUENCE { rptID [0] VisString129, rptEna [1] BOOLEAN,
    dataSet [2] ObjectReference, confRev [3] INTEGER (0..4294967295), optFlds [4] OptFldsRCB,
    bufTm [5] INTEGER (0..4294967295), sqNum [6] INTEGER (0..65535), trgOp [7] TrgOps,
    intgPd [8] INTEGER (0..4294967295), gi [9] BOOLEAN, purgeBuf [10] BOOLEAN, entryID [11] EntryID,
    timeOfEntry [12] TimeStamp, rsvdTimeSec [13] INTEGER (-32768..32767),
    owner [14] OCTET STRING (SIZE(64)) OPTIONAL }
*/
export const GetBRCBValuesResponse = sequence({
  rptID: VisString129,
  rptEna: boolean(),
  dataSet: ObjectReference,
  confRev: u32,
  optFlds: OptFldsRCB,
  bufTm: u32,
  sqNum: u16,
  trgOp: TrgOps,
  intgPd: u32,
  gi: boolean(),
  purgeBuf: boolean(),
  entryID: EntryID,
  timeOfEntry: TimeStamp,
  rsvdTimeSec: i16,
  owner: optional(owner),
});
export type GetBRCBValuesResponse = Infer<typeof GetBRCBValuesResponse>;

/*
SetBRCBValuesRequest ::= SEQUENCE { brcbRef [0] ObjectReference, bufTm [1] INTEGER (0..4294967295) OPTIONAL,
    dataSet [2] ObjectReference OPTIONAL, entryID [3] EntryID OPTIONAL, gi [4] BOOLEAN OPTIONAL,
    intgPd [5] INTEGER (0..4294967295) OPTIONAL, optFlds [6] OptFldsRCB OPTIONAL,
    purgeBuf [7] BOOLEAN OPTIONAL, rptEna [8] BOOLEAN OPTIONAL, rptID [9] VisString64 OPTIONAL,
    rsvdTimeSec [10] INTEGER (-32768..32767) OPTIONAL, trgOp [11] TrgOps OPTIONAL }
*/
export const SetBRCBValuesRequest = sequence({
  brcbRef: ObjectReference,
  bufTm: optional(u32),
  dataSet: optional(ObjectReference),
  entryID: optional(EntryID),
  gi: optional(boolean()),
  intgPd: optional(u32),
  optFlds: optional(OptFldsRCB),
  purgeBuf: optional(boolean()),
  rptEna: optional(boolean()),
  rptID: optional(VisString64),
  rsvdTimeSec: optional(i16),
  trgOp: optional(TrgOps),
});
export type SetBRCBValuesRequest = Infer<typeof SetBRCBValuesRequest>;

/** SetBRCBValuesResponse ::= SEQUENCE { result [0] Result OPTIONAL } */
export const SetBRCBValuesResponse = sequence({ result: optional(Result) });
export type SetBRCBValuesResponse = Infer<typeof SetBRCBValuesResponse>;

/** GetURCBValuesRequest ::= SEQUENCE { urcbRef [0] ObjectReference } */
export const GetURCBValuesRequest = sequence({ urcbRef: ObjectReference });
export type GetURCBValuesRequest = Infer<typeof GetURCBValuesRequest>;

/*
GetURCBValuesResponse ::= SEQUENCE { rptID [0] VisibleString, rptEna [1] BOOLEAN,
    dataSet [2] ObjectReference, confRev [3] INTEGER (0..4294967295), optFlds [4] OptFldsRCB,
    bufTm [5] INTEGER (0..4294967295), sqNum [6] INTEGER (0..65535), trgOp [7] TrgOps,
    intgPd [8] INTEGER (0..4294967295), gi [9] BOOLEAN, resv [12] BOOLEAN,
    owner [13] OCTET STRING (SIZE(64)) OPTIONAL }
*/
export const GetURCBValuesResponse = sequence({
  rptID: VisibleString,
  rptEna: boolean(),
  dataSet: ObjectReference,
  confRev: u32,
  optFlds: OptFldsRCB,
  bufTm: u32,
  sqNum: u16,
  trgOp: TrgOps,
  intgPd: u32,
  gi: boolean(),
  resv: boolean(),
  owner: optional(owner),
});
export type GetURCBValuesResponse = Infer<typeof GetURCBValuesResponse>;

/*
SetURCBValuesRequest ::= SEQUENCE { urcbRef [0] ObjectReference, bufTm [1] INTEGER (0..4294967295) OPTIONAL,
    dataSet [2] ObjectReference OPTIONAL, gi [4] BOOLEAN OPTIONAL,
    intgPd [5] INTEGER (0..4294967295) OPTIONAL, optFlds [6] OptFldsRCB OPTIONAL,
    rptEna [7] BOOLEAN OPTIONAL, rptID [8] VisString64 OPTIONAL, resv [9] BOOLEAN OPTIONAL,
    trgOp [10] TrgOps OPTIONAL }
*/
export const SetURCBValuesRequest = sequence({
  urcbRef: ObjectReference,
  bufTm: optional(u32),
  dataSet: optional(ObjectReference),
  gi: optional(boolean()),
  intgPd: optional(u32),
  optFlds: optional(OptFldsRCB),
  rptEna: optional(boolean()),
  rptID: optional(VisString64),
  resv: optional(boolean()),
  trgOp: optional(TrgOps),
});
export type SetURCBValuesRequest = Infer<typeof SetURCBValuesRequest>;

/** SetURCBValuesResponse ::= SEQUENCE { result [0] Result OPTIONAL } */
export const SetURCBValuesResponse = sequence({ result: optional(Result) });
export type SetURCBValuesResponse = Infer<typeof SetURCBValuesResponse>;

/*
EntryData1 ::= SEQUENCE { dataRef [0] ObjectReference, value [1] SEQUENCE OF DataAttributeValue,
    reasonCode [2] ReasonForInclusionInLog }
*/
export const EntryData1 = sequence({ dataRef: ObjectReference, value: sequenceOf(DataAttributeValue), reasonCode: ReasonForInclusionInLog });
export type EntryData1 = Infer<typeof EntryData1>;

/*
Entry ::= SEQUENCE { timeOfEntry [0] TimeStamp OPTIONAL, entryID [1] EntryID OPTIONAL,
    entryData [2] SEQUENCE OF EntryData1 }
*/
export const Entry = sequence({ timeOfEntry: optional(TimeStamp), entryID: optional(EntryID), entryData: sequenceOf(EntryData1) });
export type Entry = Infer<typeof Entry>;

/*
Report ::= SEQUENCE { rptID [0] VisString129, sqNum [1] INT16U OPTIONAL, subSqNum [2] INT16U DEFAULT 0,
    moreSegmentsFollow [3] BOOLEAN DEFAULT FALSE, dataSet [4] ObjectReference OPTIONAL,
    bufOvfl [5] BOOLEAN DEFAULT FALSE, confRev [6] INT32U OPTIONAL, entry [7] Entry }
*/
export const Report = sequence({
  rptID: VisString129,
  sqNum: optional(INT16U),
  subSqNum: withDefault(INT16U, 0),
  moreSegmentsFollow: withDefault(boolean(), false),
  dataSet: optional(ObjectReference),
  bufOvfl: withDefault(boolean(), false),
  confRev: optional(INT32U),
  entry: Entry,
});
export type Report = Infer<typeof Report>;
