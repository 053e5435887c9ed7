// ENUMERATED types of the RTI 2.0 TPAA module (names verbatim; JER writes the name).
import type { Infer } from '../asn1/index.js';
import { enumerated } from '../asn1/index.js';

/*
ServiceStatusKind ::= ENUMERATED { noError (0), instanceNotAvailable (1), instanceInUse (2),
    accessViolation (3), accessNotAllowedInCurrentState (4), parameterValueInappropriate (5),
    parameterValueInconsistent (6), classNotSupported (7), instanceLockedByOtherClient (8),
    controlMustBeSelected (9), typeConflict (10), failedDueToCommunicationsConstraint (11),
    failedDueToServerConstraint (12) }
*/
export const ServiceStatusKind = enumerated([
  'noError', 'instanceNotAvailable', 'instanceInUse', 'accessViolation', 'accessNotAllowedInCurrentState',
  'parameterValueInappropriate', 'parameterValueInconsistent', 'classNotSupported', 'instanceLockedByOtherClient',
  'controlMustBeSelected', 'typeConflict', 'failedDueToCommunicationsConstraint', 'failedDueToServerConstraint',
] as const);
export type ServiceStatusKind = Infer<typeof ServiceStatusKind>;

/*
ControlServiceStatusKind ::= ENUMERATED { unknown (0), notSupported (1), blockedBySwitchingHierarchy (2),
    selectFailed (3), invalidPosition (4), positionReached (5), parameterChangeInExecution (6),
    stepLimit (7), blockedByMode (8), blockedByProcess (9), blockedByInterlocking (10),
    blockedBySynchrocheck (11), commandAlreadyInExecution (12), blockedByHealth (13), oneOfNControl (14),
    abortionByCancel (15), timeLimitOver (16), abortionByTrip (17), objectNotSelected (18),
    objectAlreadySelected (19), noAccessAuthority (20), endedWithOvershoot (21),
    abortionDueToDeviation (22), abortionByCommunicationLoss (23), blockedByCommand (24), none (25),
    inconsistentParameters (26), lockedByOtherClient (27) }
*/
export const ControlServiceStatusKind = enumerated([
  'unknown', 'notSupported', 'blockedBySwitchingHierarchy', 'selectFailed', 'invalidPosition', 'positionReached',
  'parameterChangeInExecution', 'stepLimit', 'blockedByMode', 'blockedByProcess', 'blockedByInterlocking',
  'blockedBySynchrocheck', 'commandAlreadyInExecution', 'blockedByHealth', 'oneOfNControl', 'abortionByCancel',
  'timeLimitOver', 'abortionByTrip', 'objectNotSelected', 'objectAlreadySelected', 'noAccessAuthority',
  'endedWithOvershoot', 'abortionDueToDeviation', 'abortionByCommunicationLoss', 'blockedByCommand', 'none',
  'inconsistentParameters', 'lockedByOtherClient',
] as const);
export type ControlServiceStatusKind = Infer<typeof ControlServiceStatusKind>;

/** ObjectClass ::= ENUMERATED { logicalDevice (0), fileSystem (1) } */
export const ObjectClass = enumerated(['logicalDevice', 'fileSystem'] as const);
export type ObjectClass = Infer<typeof ObjectClass>;

/*
ACSIClassKind ::= ENUMERATED { dataObject (0), dataset (1), brcb (2), urcb (3), lcb (4), log (5),
    sgcb (6), gocb (7), gscb (8), msvcb (9), usvcb (10) }
*/
export const ACSIClassKind = enumerated(['dataObject', 'dataset', 'brcb', 'urcb', 'lcb', 'log', 'sgcb', 'gocb', 'gscb', 'msvcb', 'usvcb'] as const);
export type ACSIClassKind = Infer<typeof ACSIClassKind>;

/*
FC ::= ENUMERATED { st (0), mx (1), sp (2), sv (3), cf (4), dc (5), sg (6), se (7), sr (8), or (9),
    bl (10), ex (11), lg (12), co (13) }
*/
export const FC = enumerated(['st', 'mx', 'sp', 'sv', 'cf', 'dc', 'sg', 'se', 'sr', 'or', 'bl', 'ex', 'lg', 'co'] as const);
export type FC = Infer<typeof FC>;

/** Result ::= ENUMERATED { ok (0) } */
export const Result = enumerated(['ok'] as const);
export type Result = Infer<typeof Result>;

/** Validity ::= ENUMERATED { good (0), invalid (1), reserved (2), questionable (3) } */
export const Validity = enumerated(['good', 'invalid', 'reserved', 'questionable'] as const);
export type Validity = Infer<typeof Validity>;

/** Source ::= ENUMERATED { process (0), substituted (1) } */
export const Source = enumerated(['process', 'substituted'] as const);
export type Source = Infer<typeof Source>;

/*
OriginatorCategoryKind ::= ENUMERATED { notSupported (0), bayControl (1), stationControl (2),
    remoteControl (3), automaticBay (4), automaticStation (5), automaticRemote (6), maintenance (7),
    process (8) }
*/
export const OriginatorCategoryKind = enumerated([
  'notSupported', 'bayControl', 'stationControl', 'remoteControl', 'automaticBay', 'automaticStation',
  'automaticRemote', 'maintenance', 'process',
] as const);
export type OriginatorCategoryKind = Infer<typeof OriginatorCategoryKind>;
