// A device's refusal in words (IEC 61850-7-2 AddCause and ServiceError, DOMAIN.md §4 "Control").
// Records keyed by the closed enumerations: the compiler refuses a missing kind.
import type { ControlServiceStatusKind, ServiceStatusKind } from '@dso/iec61850';

const ADD_CAUSE_WORDS: Record<ControlServiceStatusKind, string> = {
  unknown: 'the device refused without giving a reason',
  notSupported: 'the device does not support this control',
  blockedBySwitchingHierarchy: 'the device is under local control (switching hierarchy)',
  selectFailed: 'the device could not select the control',
  invalidPosition: 'the device is in an invalid position for this control',
  positionReached: 'the device is already at the requested value',
  parameterChangeInExecution: 'a parameter change is already being executed on the device',
  stepLimit: 'the value is beyond the step limit of the device',
  blockedByMode: 'the charge point is blocked or switched off (LLN0.Mod)',
  blockedByProcess: 'the charge point\'s own process blocks it (e.g. no EV connected or not charging)',
  blockedByInterlocking: 'an interlock on the device blocks it',
  blockedBySynchrocheck: 'the synchrocheck on the device blocks it',
  commandAlreadyInExecution: 'another command on this function is still being executed',
  blockedByHealth: 'the device reports a health problem (LLN0.Health)',
  oneOfNControl: 'another control on the device is active (one-of-n control)',
  abortionByCancel: 'the command was cancelled',
  timeLimitOver: 'the selection timed out before the operate arrived',
  abortionByTrip: 'the command was aborted by a trip',
  objectNotSelected: 'the control was not selected first (select-before-operate)',
  objectAlreadySelected: 'another client has selected this control',
  noAccessAuthority: 'the DSO has no authority for this control on the device',
  endedWithOvershoot: 'the device overshot the requested value',
  abortionDueToDeviation: 'the device aborted because the value deviated',
  abortionByCommunicationLoss: 'the device aborted because communication was lost',
  blockedByCommand: 'a command blocks this control on the device',
  none: 'no additional cause',
  inconsistentParameters: 'the value is outside what the device accepts',
  lockedByOtherClient: 'another client holds a lock on this control',
};

const SERVICE_ERROR_WORDS: Record<ServiceStatusKind, string> = {
  noError: 'no error',
  instanceNotAvailable: 'the device does not have this data object',
  instanceInUse: 'the data object is in use',
  accessViolation: 'the device does not allow this access',
  accessNotAllowedInCurrentState: 'the device does not allow this in its current state',
  parameterValueInappropriate: 'the value is not appropriate for the device',
  parameterValueInconsistent: 'the value is inconsistent with the device\'s limits',
  classNotSupported: 'the device does not support this kind of object',
  instanceLockedByOtherClient: 'another client has locked the data object',
  controlMustBeSelected: 'the control must be selected first',
  typeConflict: 'the value has the wrong type for the device',
  failedDueToCommunicationsConstraint: 'the device could not answer because of a communication constraint',
  failedDueToServerConstraint: 'the device could not do it (server constraint)',
};

export function addCauseInWords(kind: ControlServiceStatusKind): string {
  return ADD_CAUSE_WORDS[kind];
}

export function serviceErrorInWords(kind: ServiceStatusKind): string {
  return SERVICE_ERROR_WORDS[kind];
}

/** One sentence for a refusal: the AddCause when there is one (it is the more precise), else the service error. */
export function refusalInWords(refusal: { serviceError?: ServiceStatusKind; addCause?: ControlServiceStatusKind; stage?: string }): string {
  const parts: string[] = [];
  if (refusal.addCause !== undefined && refusal.addCause !== 'none') parts.push(addCauseInWords(refusal.addCause));
  if (refusal.serviceError !== undefined && refusal.serviceError !== 'noError') parts.push(serviceErrorInWords(refusal.serviceError));
  const text = parts.length > 0 ? parts.join('; ') : 'the device refused without giving a reason';
  return refusal.stage ? `${text} (at ${refusal.stage})` : text;
}
