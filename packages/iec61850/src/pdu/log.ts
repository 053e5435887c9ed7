// Logging services: LCB get/set, log queries and log status (in the CHOICEs; not used by the subset).
import type { Infer } from '../asn1/index.js';
import { boolean, choice, integer, optional, sequence, sequenceOf } from '../asn1/index.js';
import { EntryID, LCBLogEntryOptions, ObjectName, ObjectReference, TimeStamp, TrgOps } from './common.js';
import { Result } from './enums.js';
import { EntryData1 } from './reporting.js';

const u32 = integer(0, 4294967295);

/** GetLCBValuesRequest ::= SEQUENCE { lcbRef [0] ObjectReference } */
export const GetLCBValuesRequest = sequence({ lcbRef: ObjectReference });
export type GetLCBValuesRequest = Infer<typeof GetLCBValuesRequest>;

/*
GetLCBValuesResponse ::= SEQUENCE { logEna [0] BOOLEAN, dsRef [1] ObjectReference, trgOpEna [2] TrgOps,
    intgPd [3] INTEGER(0..4294967295), logRef [4] ObjectReference,
    optFlds [5] LCBLogEntryOptions OPTIONAL, bufTm [6] INTEGER (0..4294967295) OPTIONAL }
*/
export const GetLCBValuesResponse = sequence({
  logEna: boolean(),
  dsRef: ObjectReference,
  trgOpEna: TrgOps,
  intgPd: u32,
  logRef: ObjectReference,
  optFlds: optional(LCBLogEntryOptions),
  bufTm: optional(u32),
});
export type GetLCBValuesResponse = Infer<typeof GetLCBValuesResponse>;

/*
SetLCBValuesRequest ::= SEQUENCE { bufTm [0] INTEGER (0..4294967295) OPTIONAL,
    dsRef [1] ObjectReference OPTIONAL, intgPd [2] INTEGER(0..4294967295) OPTIONAL,
    lcbRef [3] ObjectReference, logEna [4] BOOLEAN OPTIONAL, logRef [5] ObjectReference OPTIONAL,
    optFlds [6] LCBLogEntryOptions OPTIONAL, trgOpEna [7] TrgOps }
*/
export const SetLCBValuesRequest = sequence({
  bufTm: optional(u32),
  dsRef: optional(ObjectReference),
  intgPd: optional(u32),
  lcbRef: ObjectReference,
  logEna: optional(boolean()),
  logRef: optional(ObjectReference),
  optFlds: optional(LCBLogEntryOptions),
  trgOpEna: TrgOps,
});
export type SetLCBValuesRequest = Infer<typeof SetLCBValuesRequest>;

/** SetLCBValuesResponse ::= SEQUENCE { result [0] Result OPTIONAL } */
export const SetLCBValuesResponse = sequence({ result: optional(Result) });
export type SetLCBValuesResponse = Infer<typeof SetLCBValuesResponse>;

/** EntryData2 ::= SEQUENCE { lcbRef [0] ObjectReference, value [1] BOOLEAN } */
export const EntryData2 = sequence({ lcbRef: ObjectReference, value: boolean() });
export type EntryData2 = Infer<typeof EntryData2>;

/*
LOGEntry ::= SEQUENCE { timeOfEntry [0] TimeStamp, entryID [1] EntryID,
    entryData [2] CHOICE { multipleEntries SEQUENCE OF EntryData1, singleEntry EntryData2 } }
*/
export const LOGEntry = sequence({
  timeOfEntry: TimeStamp,
  entryID: EntryID,
  entryData: choice({ multipleEntries: sequenceOf(EntryData1), singleEntry: EntryData2 }),
});
export type LOGEntry = Infer<typeof LOGEntry>;

/*
LOG ::= SEQUENCE { logName [0] ObjectName, logRef [1] ObjectReference, oldEntrTm [2] TimeStamp,
    newEntrTm [3] TimeStamp, oldEntr [4] EntryID, newEntr [5] EntryID, logEntry [6] SEQUENCE OF LOGEntry }
*/
export const LOG = sequence({
  logName: ObjectName,
  logRef: ObjectReference,
  oldEntrTm: TimeStamp,
  newEntrTm: TimeStamp,
  oldEntr: EntryID,
  newEntr: EntryID,
  logEntry: sequenceOf(LOGEntry),
});
export type LOG = Infer<typeof LOG>;

/*
QueryLogByTimeRequest ::= SEQUENCE { logRef [0] ObjectReference, rangeStartTime [1] TimeStamp,
    rangeStopTime [2] TimeStamp, continueAfter [3] ObjectReference OPTIONAL }
*/
export const QueryLogByTimeRequest = sequence({
  logRef: ObjectReference,
  rangeStartTime: TimeStamp,
  rangeStopTime: TimeStamp,
  continueAfter: optional(ObjectReference),
});
export type QueryLogByTimeRequest = Infer<typeof QueryLogByTimeRequest>;

/** QueryLogByTimeResponse ::= SEQUENCE { listOfLogEntries [0] SEQUENCE OF LOG, moreFollows [1] BOOLEAN OPTIONAL } */
export const QueryLogByTimeResponse = sequence({ listOfLogEntries: sequenceOf(LOG), moreFollows: optional(boolean()) });
export type QueryLogByTimeResponse = Infer<typeof QueryLogByTimeResponse>;

/*
QueryLogAfterRequest ::= SEQUENCE { logRef [0] ObjectReference, rangeStartTime [1] TimeStamp,
    entryID [2] EntryID, continueAfter [3] ObjectReference OPTIONAL }
*/
export const QueryLogAfterRequest = sequence({
  logRef: ObjectReference,
  rangeStartTime: TimeStamp,
  entryID: EntryID,
  continueAfter: optional(ObjectReference),
});
export type QueryLogAfterRequest = Infer<typeof QueryLogAfterRequest>;

/** QueryLogAfterResponse ::= SEQUENCE { listOfLogEntries [0] SEQUENCE OF LOG, moreFollows [1] BOOLEAN OPTIONAL } */
export const QueryLogAfterResponse = sequence({ listOfLogEntries: sequenceOf(LOG), moreFollows: optional(boolean()) });
export type QueryLogAfterResponse = Infer<typeof QueryLogAfterResponse>;

/** GetLogStatusValuesRequest ::= SEQUENCE { logRef [0] ObjectReference } */
export const GetLogStatusValuesRequest = sequence({ logRef: ObjectReference });
export type GetLogStatusValuesRequest = Infer<typeof GetLogStatusValuesRequest>;

/*
GetLogStatusValuesResponse ::= SEQUENCE { oldestEntryTime [0] TimeStamp, newestEntryTime [1] TimeStamp,
    oldestEntry [2] EntryID, newestEntry [3] EntryID }
*/
export const GetLogStatusValuesResponse = sequence({
  oldestEntryTime: TimeStamp,
  newestEntryTime: TimeStamp,
  oldestEntry: EntryID,
  newestEntry: EntryID,
});
export type GetLogStatusValuesResponse = Infer<typeof GetLogStatusValuesResponse>;
