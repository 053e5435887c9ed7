// The charge point profile v1 (DOMAIN.md §3) as a table: the ONE place where IEC 61850 names
// (LN class + instance, DO, attribute) become domain names with units, scale and sign convention.
// Sign convention (DOMAIN.md §3): positive = import (charging), negative = export (discharging) —
// the profile's devices report it that way, so the sign factor is +1 everywhere; a device type with
// the opposite convention gets its own table row with sign -1.

/** What a value is, for storage and events. */
export type ValueKind = 'measurement' | 'status' | 'setpoint' | 'function';

export interface ProfileEntry {
  kind: ValueKind;
  /** Domain name with its unit (`activePowerW`, `energyImportWh`, …). */
  measurand: string;
  /** Value in domain units = reported value × scale × 10^units.multiplier (read at discovery). */
  scale: number;
  /** Where the value belongs: the charge point's connection (0) or the EVSE of the LN prefix. */
  perEvse: boolean;
}

const m = (measurand: string, perEvse = false): ProfileEntry => ({ kind: 'measurement', measurand, scale: 1, perEvse });
const st = (measurand: string, perEvse = false): ProfileEntry => ({ kind: 'status', measurand, scale: 1, perEvse });
const sp = (measurand: string): ProfileEntry => ({ kind: 'setpoint', measurand, scale: 1, perEvse: false });
const fn = (measurand: string): ProfileEntry => ({ kind: 'function', measurand, scale: 1, perEvse: false });

/**
 * Keyed by `<LN without the EVSE number>.<DO>[.<sub-DO>]`: `EVSE#MMXU1` stands for EVSE1MMXU1,
 * EVSE2MMXU1…, `DESE#` for DESE1, DESE2….
 */
export const PROFILE: ReadonlyMap<string, ProfileEntry> = new Map([
  ['MMXU1.TotW', m('activePowerW')],
  ['MMXU1.TotVAr', m('reactivePowerVar')],
  ['MMXU1.TotPF', m('powerFactor')],
  ['MMXU1.Hz', m('frequencyHz')],
  ['MMXU1.PhV.phsA', m('voltageL1V')],
  ['MMXU1.PhV.phsB', m('voltageL2V')],
  ['MMXU1.PhV.phsC', m('voltageL3V')],
  ['MMXU1.A.phsA', m('currentL1A')],
  ['MMXU1.A.phsB', m('currentL2A')],
  ['MMXU1.A.phsC', m('currentL3A')],
  ['MMTR1.DmdWh', m('energyImportWh')],
  ['MMTR1.SupWh', m('energyExportWh')],
  ['EVSE#MMXU1.TotW', m('activePowerW', true)],
  ['EVSE#MMTR1.DmdWh', m('energyImportWh', true)],
  ['EVSE#MMTR1.SupWh', m('energyExportWh', true)],
  ['DESE#.ChaSt', st('evseStatus', true)],
  ['DESE#.EvConn', st('evConnected', true)],
  ['DESE#.V2gCap', st('v2gCapable', true)],
  ['LLN0.Mod', fn('mode')],
  ['LLN0.Beh', fn('behaviour')],
  ['LLN0.Health', fn('health')],
  ['DWMX1.WMaxSpt', sp('importLimitW')],
  ['DWMX1.WMaxSet', sp('fallbackLimitW')],
  ['DWMX1.WMaxFto', sp('fallbackTimeoutS')],
  ['DWMX1.SptReas', sp('limitSource')],
  ['DWMX2.WMaxSpt', sp('cpoLimitW')],
  ['DAGC1.WSpt', sp('activePowerSetpointW')],
  ['DFPF1.PFTgtSpt', sp('powerFactorTarget')],
  ['DFPF1.Mod', fn('powerFactorControl')],
  ['DVAR1.VArTgtSpt', sp('reactivePowerTargetVar')],
  ['DVAR1.Mod', fn('reactivePowerControl')],
  ['DFWC1.Mod', fn('frequencyResponse')],
  ['DFWC1.HzDb', sp('frequencyDeadBandHz')],
  ['DFWC1.Drp', sp('frequencyDroopPctPerHz')],
  ['DFWC1.FctOpSt', fn('frequencyResponseState')],
]);

/** Attribute suffixes that carry the primary value of a (sub-)data object, per CDC. */
const VALUE_ATTRIBUTES = ['cVal.mag.f', 'mag.f', 'mxVal.f', 'setMag.f', 'stVal', 'actVal', 'setVal'] as const;
/**
 * Attributes a profile device reports that the profile does not store: the phase angle of a WYE
 * phase (CMV cVal.ang.f) — the profile keeps magnitudes. Well-formed, so not a problem; skipped.
 */
const UNUSED_ATTRIBUTES = ['cVal.ang.f'] as const;

export interface ParsedRef {
  ld: string;
  /** `<LN>.<DO>[.<sub>]` of the data object the attribute belongs to */
  object: string;
  attribute: 'value' | 'q' | 't' | 'unused';
}

/** Splits `LD/LN.DO[.sub].attr` into its LD, data object and which attribute it is. */
export function parseDataRef(dataRef: string): ParsedRef | undefined {
  const slash = dataRef.indexOf('/');
  if (slash <= 0) return undefined;
  const ld = dataRef.slice(0, slash);
  const path = dataRef.slice(slash + 1);
  for (const suffix of ['q', 't'] as const) {
    if (path.endsWith(`.${suffix}`)) return { ld, object: path.slice(0, -suffix.length - 1), attribute: suffix };
  }
  for (const suffix of VALUE_ATTRIBUTES) {
    if (path.endsWith(`.${suffix}`)) return { ld, object: path.slice(0, -suffix.length - 1), attribute: 'value' };
  }
  for (const suffix of UNUSED_ATTRIBUTES) {
    if (path.endsWith(`.${suffix}`)) return { ld, object: path.slice(0, -suffix.length - 1), attribute: 'unused' };
  }
  return undefined;
}

export interface ResolvedObject {
  entry: ProfileEntry;
  evseNo: number;
}

const EVSE_LN = /^(EVSE|DESE)(\d{1,3})(.*)$/;

/** The profile entry of a data object path (`MMXU1.TotW`, `EVSE2MMTR1.DmdWh`, `DESE1.ChaSt`). */
export function resolveObject(object: string): ResolvedObject | undefined {
  const match = EVSE_LN.exec(object);
  if (match) {
    const [, prefix = '', n = '0', rest = ''] = match;
    const entry = PROFILE.get(`${prefix}#${rest}`);
    return entry ? { entry, evseNo: Number(n) } : undefined;
  }
  const entry = PROFILE.get(object);
  return entry ? { entry, evseNo: 0 } : undefined;
}

/** ChaSt values (project profile) are the domain's EVSE status numbers: see domain/evse-status.ts. */
export { CHARGING_STATUS, DISCHARGING_STATUS, EVSE_STATUS } from '../domain/evse-status.js';

/** DWMX1.SptReas (project values). */
export const LIMIT_SOURCES: Record<number, string> = { 1: 'DSO', 2: 'CPO', 3: 'fallback', 4: 'local' };

/** The four data sets / RCBs of LLN0, in the order DOMAIN.md §4 enables them (GI last in each). */
export const PROFILE_RCBS = [
  { name: 'brcbStatus', dataSet: 'Status', buffered: true },
  { name: 'brcbEnergy', dataSet: 'Energy', buffered: true },
  { name: 'urcbSetpoints', dataSet: 'Setpoints', buffered: false },
  { name: 'urcbMeasurements', dataSet: 'Measurements', buffered: false },
] as const;

/** Logical nodes every profile LD has; the rest are optional functions (capabilities). */
export const REQUIRED_LNS = ['LLN0', 'LPHD1', 'DPCC1', 'DWMX1', 'MMXU1', 'MMTR1'] as const;
export const CAPABILITY_LNS = { v2g: 'DAGC1', reactive: 'DFPF1', freqResponse: 'DFWC1' } as const;
