// What a simulated charge point believes about itself: per-EVSE state, the EV plugged in, and the
// limits and functions in force. `ChargePointState` is the read-only snapshot the API hands out.

/** DESE<n>.ChaSt values (profile v1). */
export const ChaSt = {
  Available: 1,
  Preparing: 2,
  Charging: 3,
  SuspendedEV: 4,
  SuspendedEVSE: 5,
  Finishing: 6,
  Reserved: 7,
  Unavailable: 8,
  Faulted: 9,
  Discharging: 10,
} as const;
export type ChaStName = keyof typeof ChaSt;
export type ChaStValue = (typeof ChaSt)[ChaStName];

export const chaStName = (value: number): ChaStName =>
  (Object.entries(ChaSt).find(([, v]) => v === value)?.[0] as ChaStName | undefined) ?? 'Unavailable';

/** DWMX1.SptReas: the source of the limit in force (1 DSO, 2 CPO, 3 fallback, 4 local rating). */
export const SptReas = { dso: 1, cpo: 2, fallback: 3, local: 4 } as const;
export type LimitSource = keyof typeof SptReas;

export interface EvSpec {
  socPct: number;
  capacityWh: number;
  v2g: boolean;
  /** Largest power the EV accepts (on-board charger), W. */
  maxChargeW?: number;
  /** Largest power the EV gives back when discharging, W. */
  maxDischargeW?: number;
}

export interface Ev {
  socPct: number;
  capacityWh: number;
  v2g: boolean;
  maxChargeW: number;
  maxDischargeW: number;
  /** Autonomous behaviour: when the driver leaves (ms since epoch), if planned. */
  departAt?: number;
}

export interface EvseRuntime {
  evseNo: number;
  maxPowerW: number;
  v2gCapable: boolean;
  status: ChaStValue;
  ev: Ev | undefined;
  /** A transaction is running (driver identity stays on the OCPP side). */
  inTransaction: boolean;
  reserved: boolean;
  unavailable: boolean;
  /** Transaction stopped, EV still plugged in. */
  finishing: boolean;
  faulted: boolean;
  powerW: number;
  importWh: number;
  exportWh: number;
}

export interface Misbehaviour {
  /** Ignore the DSO and CPO limits (charges at rating / EV maximum). */
  ignoreLimits?: boolean;
  /** Refuse V2G setpoints with blockedByProcess even when an EV could discharge. */
  refuseV2g?: boolean;
}

export interface EvseState {
  evseNo: number;
  status: ChaStName;
  chaSt: ChaStValue;
  evConnected: boolean;
  socPct: number | undefined;
  inTransaction: boolean;
  powerW: number;
  importWh: number;
  exportWh: number;
}

export interface ChargePointState {
  id: string;
  accessPointId: string;
  architecture: 'public' | 'residential';
  mod: number;
  health: number;
  dsoLinkUp: boolean;
  ocppLinkUp: boolean;
  frequencyHz: number;
  powerW: number;
  reactivePowerVar: number;
  powerFactor: number;
  importWh: number;
  exportWh: number;
  limits: { ratingW: number; dsoW: number; cpoW: number; fallbackW: number; fallbackActive: boolean; effectiveW: number; source: LimitSource };
  v2gSetpointW: number;
  frequencyResponseActive: boolean;
  evses: EvseState[];
}
