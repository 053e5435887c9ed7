// Domain measurands (server names carry the unit) as people read them: label, unit, value text.
import { statusName } from '../live/live-summary-of.js';

interface MeasurandInfo {
  label: string;
  unit: string;
  /** value in domain units → text with unit */
  format: (v: number) => string;
}

const num = (v: number, digits: number) => v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kw = (v: number) => `${num(v / 1000, 2)} kW`;
const kvar = (v: number) => `${num(v / 1000, 2)} kvar`;
const kwh = (v: number) => `${num(v / 1000, 3)} kWh`;
const onOff = (v: number) => (v ? 'on' : 'off');
const yesNo = (v: number) => (v ? 'yes' : 'no');

const TABLE: Record<string, MeasurandInfo> = {
  activePowerW: { label: 'Active power', unit: 'kW', format: kw },
  reactivePowerVar: { label: 'Reactive power', unit: 'kvar', format: kvar },
  powerFactor: { label: 'Power factor', unit: 'cos φ', format: (v) => `${num(v, 3)} cos φ` },
  frequencyHz: { label: 'Frequency', unit: 'Hz', format: (v) => `${num(v, 3)} Hz` },
  voltageL1V: { label: 'Voltage L1', unit: 'V', format: (v) => `${num(v, 1)} V` },
  voltageL2V: { label: 'Voltage L2', unit: 'V', format: (v) => `${num(v, 1)} V` },
  voltageL3V: { label: 'Voltage L3', unit: 'V', format: (v) => `${num(v, 1)} V` },
  currentL1A: { label: 'Current L1', unit: 'A', format: (v) => `${num(v, 1)} A` },
  currentL2A: { label: 'Current L2', unit: 'A', format: (v) => `${num(v, 1)} A` },
  currentL3A: { label: 'Current L3', unit: 'A', format: (v) => `${num(v, 1)} A` },
  energyImportWh: { label: 'Energy imported (register)', unit: 'kWh', format: kwh },
  energyExportWh: { label: 'Energy exported (register)', unit: 'kWh', format: kwh },
  evseStatus: { label: 'Status', unit: '', format: statusName },
  evConnected: { label: 'EV connected', unit: '', format: yesNo },
  v2gCapable: { label: 'EV V2G capable', unit: '', format: yesNo },
  importLimitW: { label: 'Import limit (DSO)', unit: 'kW', format: kw },
  fallbackLimitW: { label: 'Fallback limit', unit: 'kW', format: kw },
  fallbackTimeoutS: { label: 'Fallback timeout', unit: 's', format: (v) => `${num(v, 0)} s` },
  cpoLimitW: { label: 'CPO limit', unit: 'kW', format: kw },
  activePowerSetpointW: { label: 'Active power setpoint (V2G)', unit: 'kW', format: kw },
  powerFactorTarget: { label: 'Power factor target', unit: 'cos φ', format: (v) => `${num(v, 3)} cos φ` },
  reactivePowerTargetVar: { label: 'Reactive power target', unit: 'kvar', format: kvar },
  powerFactorControl: { label: 'Power factor control', unit: '', format: onOff },
  reactivePowerControl: { label: 'Reactive power control', unit: '', format: onOff },
  frequencyResponse: { label: 'Frequency response', unit: '', format: onOff },
  frequencyDeadBandHz: { label: 'Frequency dead band', unit: 'Hz', format: (v) => `${num(v, 3)} Hz` },
  frequencyDroopPctPerHz: { label: 'Frequency droop', unit: '%/Hz', format: (v) => `${num(v, 1)} %/Hz` },
};

export function measurandInfo(measurand: string): MeasurandInfo {
  return TABLE[measurand] ?? { label: measurand, unit: '', format: (v) => num(v, 2) };
}

/** Registers first, then measurements, then the rest, each alphabetically by label. */
export function measurandOrder(measurand: string): number {
  if (measurand.startsWith('energy')) return 0;
  if (/(W|Var|Hz|V|A)$/.test(measurand) || measurand === 'powerFactor') return 1;
  return 2;
}
