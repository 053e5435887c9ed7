// Scenario files (JSON): a use case as a list of steps — things devices, drivers and the CPO do,
// things the DSO does (through a DSO adapter), the passage of time, and expectations.

export type StepValue = number | boolean;

export type DeviceStep =
  | { do: 'plugIn'; cp: string; evse: number; ev: { socPct: number; capacityWh: number; v2g: boolean; maxChargeW?: number } }
  | { do: 'unplug' | 'startTransaction' | 'stopTransaction' | 'cpoReserve' | 'cpoCancelReservation' | 'cpoSetUnavailable' | 'cpoSetAvailable' | 'fault' | 'clearFault'; cp: string; evse: number }
  | { do: 'cpoSetLimit'; cp: string; w: number }
  | { do: 'cpoTrigger'; cp: string; message: 'MeterValues' | 'StatusNotification' }
  | { do: 'misbehave'; cp: string; ignoreLimits?: boolean; refuseV2g?: boolean }
  | { do: 'dropLink' | 'restoreLink'; id: string }
  | { do: 'frequencyEvent'; hz: number; ms: number }
  | { do: 'advance'; ms: number }
  /** A new residential charge point (capable, 11 kW, one EVSE) joins a CPO gateway. */
  | { do: 'addChargePoint'; gateway: string; cp: string };

export type DsoStep =
  | { dso: 'enableReports'; accessPoint: string; ld: string }
  // expect: 'ok' or the refusal (AddCause, else serviceError) the device must answer
  | { dso: 'operate' | 'selectOperate'; accessPoint: string; ref: string; value: StepValue; type?: 'float32' | 'enumerated' | 'int32' | 'boolean'; expect: string }
  | { dso: 'write'; accessPoint: string; ref: string; fc: string; value: StepValue; type?: 'float32' | 'int32'; expect: string }
  | { dso: 'read'; accessPoint: string; ref: string; fc: string; expect?: StepValue; oldData?: boolean }
  | { dso: 'waitConnected'; accessPoint: string; count?: number };

export type ExpectStep =
  | { expect: 'state'; cp: string; path: string; equals?: StepValue | string; atMost?: number; atLeast?: number }
  | { expect: 'reported'; ref: string; value: StepValue }
  | { expect: 'ocpp'; cp: string; action: string; atLeast?: number; contains?: Record<string, StepValue | string> }
  | { expect: 'noDriverIdentity' };

export type Step = (DeviceStep | DsoStep | ExpectStep) & { note?: string };

export interface Scenario {
  name: string;
  useCase: string;
  architecture: 'public' | 'residential' | 'both';
  description?: string;
  steps: Step[];
}
