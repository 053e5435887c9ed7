// Basic named types of the TPAA module: strings, integers, references, quality, time, report options.
import type { Infer } from '../asn1/index.js';
import { bigInteger, boolean, integer, octetString, optional, sequence, string, withDefault } from '../asn1/index.js';
import { FC, OriginatorCategoryKind, Source, Validity } from './enums.js';

/** AssociateID ::= UTF8String (SIZE(0..36)) */
export const AssociateID = string(0, 36);
/** VisString64 ::= UTF8String (SIZE(0..64)) */
export const VisString64 = string(0, 64);
/** VisString129 ::= UTF8String (SIZE(0..129)) */
export const VisString129 = string(0, 129);
/** VisString255 ::= UTF8String (SIZE(0..255)) */
export const VisString255 = string(0, 255);
/** ObjectName ::= VisString64 */
export const ObjectName = VisString64;
/** ObjectReference ::= VisString129 */
export const ObjectReference = VisString129;
/** VisibleString (unconstrained) */
export const VisibleString = string(0, Infinity, 'visible');
/** Identifier ::= VisibleString */
export const Identifier = VisibleString;
/** UTF8String (unconstrained) */
export const UTF8String = string();

/** Integer8 ::= INTEGER(-128..127) */
export const Integer8 = integer(-128, 127);
/** Integer16 ::= INTEGER(-32768..32767) */
export const Integer16 = integer(-32768, 32767);
/** Integer32 ::= INTEGER(-2147483648..2147483647) */
export const Integer32 = integer(-2147483648, 2147483647);
/** Unsigned8 ::= INTEGER(0..255) */
export const Unsigned8 = integer(0, 255);
/** Unsigned16 ::= INTEGER(0..65535) */
export const Unsigned16 = integer(0, 65535);
/** Unsigned32 ::= INTEGER(0..4294967295) */
export const Unsigned32 = integer(0, 4294967295);
/** INT8U ::= INTEGER (0..127) */
export const INT8U = integer(0, 127);
/** INT16U ::= INTEGER (0..65535) */
export const INT16U = Unsigned16;
/** INT32U ::= INTEGER (0..4294967295) */
export const INT32U = Unsigned32;
/** invokeId [n] IMPLICIT INTEGER — kept as a safe-integer `number`. */
export const InvokeID = integer();
/** INTEGER (unconstrained): number, or bigint beyond 2^53. */
export const UnconstrainedInteger = bigInteger();

/*
DataAccessError ::= INTEGER { objectinvalidated (0), hardwarefault (1), temporarilyunavailable (2),
    objectaccessdenied (3), objectundefined (4), invalidaddress (5), typeunsupported (6),
    typeinconsistent (7), objectattributeinconsistent (8), objectaccessunsupported (9),
    objectnonexistent (10), objectvalueinvalid (11) }
*/
export const DataAccessError = integer();
export type DataAccessError = number;
/** Names of the DataAccessError numbers (an INTEGER with named numbers: JER writes the number). */
export const DATA_ACCESS_ERROR = {
  objectinvalidated: 0, hardwarefault: 1, temporarilyunavailable: 2, objectaccessdenied: 3, objectundefined: 4,
  invalidaddress: 5, typeunsupported: 6, typeinconsistent: 7, objectattributeinconsistent: 8,
  objectaccessunsupported: 9, objectnonexistent: 10, objectvalueinvalid: 11,
} as const;

/** EntryID ::= OCTET STRING (SIZE(8)) */
export const EntryID = octetString(8, 8);
export type EntryID = Uint8Array;

/** FcdFcdaType ::= SEQUENCE { ref [0] ObjectReference, fc [1] FC } */
export const FcdFcdaType = sequence({ ref: ObjectReference, fc: FC });
export type FcdFcdaType = Infer<typeof FcdFcdaType>;

/*
DetailQual ::= SEQUENCE { overflow [0] BOOLEAN DEFAULT FALSE, outOfRange [1] BOOLEAN DEFAULT FALSE,
    badReference [2] BOOLEAN DEFAULT FALSE, oscillatory [3] BOOLEAN DEFAULT FALSE,
    failure [4] BOOLEAN DEFAULT FALSE, oldData [5] BOOLEAN DEFAULT FALSE,
    inconsistent [6] BOOLEAN DEFAULT FALSE, inaccurate [7] BOOLEAN DEFAULT FALSE }
*/
export const DetailQual = sequence({
  overflow: withDefault(boolean(), false),
  outOfRange: withDefault(boolean(), false),
  badReference: withDefault(boolean(), false),
  oscillatory: withDefault(boolean(), false),
  failure: withDefault(boolean(), false),
  oldData: withDefault(boolean(), false),
  inconsistent: withDefault(boolean(), false),
  inaccurate: withDefault(boolean(), false),
});
export type DetailQual = Infer<typeof DetailQual>;

/*
Quality ::= SEQUENCE { detailQual [0] DetailQual OPTIONAL, validity [1] Validity DEFAULT good,
    source [2] Source DEFAULT process, test [3] BOOLEAN DEFAULT FALSE,
    operatorBlock [4] BOOLEAN DEFAULT FALSE }
*/
export const Quality = sequence({
  detailQual: optional(DetailQual),
  validity: withDefault(Validity, 'good'),
  source: withDefault(Source, 'process'),
  test: withDefault(boolean(), false),
  operatorBlock: withDefault(boolean(), false),
});
export type Quality = Infer<typeof Quality>;

/*
TimeQuality ::= SEQUENCE { leapSecondsKnown [0] BOOLEAN DEFAULT TRUE,
    clockFailure [1] BOOLEAN DEFAULT FALSE, clockNotSynchronized [2] BOOLEAN DEFAULT FALSE,
    timeAccuracy [3] INTEGER (0..127) }
*/
export const TimeQuality = sequence({
  leapSecondsKnown: withDefault(boolean(), true),
  clockFailure: withDefault(boolean(), false),
  clockNotSynchronized: withDefault(boolean(), false),
  timeAccuracy: integer(0, 127),
});
export type TimeQuality = Infer<typeof TimeQuality>;

/*
TimeStamp ::= SEQUENCE { secondSinceEpoch [0] INTEGER (0..4294967295),
    fractionOfSecond [1] INTEGER (0..16777215), timeQuality [2] TimeQuality }
*/
export const TimeStamp = sequence({
  secondSinceEpoch: integer(0, 4294967295),
  fractionOfSecond: integer(0, 16777215),
  timeQuality: TimeQuality,
});
export type TimeStamp = Infer<typeof TimeStamp>;

/*
TrgOps ::= SEQUENCE { dchg [0] BOOLEAN DEFAULT FALSE, qchg [1] BOOLEAN DEFAULT FALSE,
    dupd [2] BOOLEAN DEFAULT FALSE, integrity [3] BOOLEAN DEFAULT FALSE, gi [4] BOOLEAN DEFAULT FALSE }
*/
export const TrgOps = sequence({
  dchg: withDefault(boolean(), false),
  qchg: withDefault(boolean(), false),
  dupd: withDefault(boolean(), false),
  integrity: withDefault(boolean(), false),
  gi: withDefault(boolean(), false),
});
export type TrgOps = Infer<typeof TrgOps>;

/*
OptFldsRCB ::= SEQUENCE { seqNum [0] BOOLEAN, timeStamp [1] BOOLEAN, dataSet [2] BOOLEAN,
    bufOvfl [3] BOOLEAN, configRef [4] BOOLEAN, entryID [5] BOOLEAN, dataRef [6] BOOLEAN,
    reasonCode [7] BOOLEAN }
*/
export const OptFldsRCB = sequence({
  seqNum: boolean(),
  timeStamp: boolean(),
  dataSet: boolean(),
  bufOvfl: boolean(),
  configRef: boolean(),
  entryID: boolean(),
  dataRef: boolean(),
  reasonCode: boolean(),
});
export type OptFldsRCB = Infer<typeof OptFldsRCB>;

/*
ReasonForInclusionInLog ::= SEQUENCE { dataChange [0] BOOLEAN DEFAULT FALSE,
    qualityChange [1] BOOLEAN DEFAULT FALSE, dataUpdate [2] BOOLEAN DEFAULT FALSE,
    integrity [3] BOOLEAN DEFAULT FALSE, generalInterrogation [4] BOOLEAN DEFAULT FALSE,
    applicationTrigger [5] BOOLEAN DEFAULT FALSE }
*/
export const ReasonForInclusionInLog = sequence({
  dataChange: withDefault(boolean(), false),
  qualityChange: withDefault(boolean(), false),
  dataUpdate: withDefault(boolean(), false),
  integrity: withDefault(boolean(), false),
  generalInterrogation: withDefault(boolean(), false),
  applicationTrigger: withDefault(boolean(), false),
});
export type ReasonForInclusionInLog = Infer<typeof ReasonForInclusionInLog>;

/** CheckConditions ::= SEQUENCE { synchroCheck [0] BOOLEAN, interlockCheck [1] BOOLEAN } */
export const CheckConditions = sequence({ synchroCheck: boolean(), interlockCheck: boolean() });
export type CheckConditions = Infer<typeof CheckConditions>;

/** Originator ::= SEQUENCE { orCat [0] OriginatorCategoryKind, orIdent [1] OCTET STRING (SIZE(64)) } */
export const Originator = sequence({ orCat: OriginatorCategoryKind, orIdent: octetString(64, 64) });
export type Originator = Infer<typeof Originator>;

/*
LCBLogEntryOptions ::= SEQUENCE { reasonForInclusion [0] BOOLEAN, reserved [1] BOOLEAN,
    smpRate [2] BOOLEAN, dsName [3] BOOLEAN, smpMode [4] BOOLEAN }
*/
export const LCBLogEntryOptions = sequence({
  reasonForInclusion: boolean(),
  reserved: boolean(),
  smpRate: boolean(),
  dsName: boolean(),
  smpMode: boolean(),
});
export type LCBLogEntryOptions = Infer<typeof LCBLogEntryOptions>;
