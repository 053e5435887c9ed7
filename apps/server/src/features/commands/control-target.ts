// What the command rules need to know about a charge point: where its LD is, its ratings, which
// functions its model has (DOMAIN.md §3: devices may lack DAGC1, DFPF1/DVAR1, DFWC1) and the state
// of its EVSEs. Served by a directory port (backed later by the charge-points repository and the
// live state store).
export interface EvseInfo {
  evseNo: number;
  v2gCapable: boolean;
  evConnected: boolean;
  /** DESEn.ChaSt in words: Available, Charging, Discharging, … */
  status: string;
}

export interface ChargePointControlInfo {
  id: string;
  cpoId: string;
  accessPoint: string;
  /** The LD name: the charge point's own, or its LD inside the CPO gateway. */
  ldName: string;
  ratedImportW: number;
  ratedExportW: number;
  ratedReactiveVar: number;
  functions: { v2g: boolean; powerFactor: boolean; fixedQ: boolean; frequencyResponse: boolean };
  evses: EvseInfo[];
  /** The DSO limit now in force on the device, when known (fallback ≤ limit). */
  currentImportLimitW?: number;
}

export interface ChargePointDirectory {
  get(chargePointId: string): Promise<ChargePointControlInfo | undefined>;
}
