// Checks before anything is sent (issue 6 "Bad input"): ranges from DOMAIN.md §5, the device's
// ratings and functions, and V2G only to a capable EVSE with an EV connected. Each refusal is
// DomainError('invalid_input') whose message says what to change.
import { DomainError } from '../../errors.js';
import type { CommandRequest, ReactiveSetting } from './command-types.js';
import type { ChargePointControlInfo } from './control-target.js';

export const RANGES = {
  powerFactor: { min: 0.9, max: 1 },
  deadBandHz: { min: 0.01, max: 0.5 },
  droopPctPerHz: { min: 2, max: 12 },
  fallbackTimeoutS: { min: 1, max: 86_400 },
  v2gDurationS: { min: 60, max: 86_400 },
} as const;

const invalid = (message: string, field: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('invalid_input', message, { field, ...details });

function wholeWatts(field: string, value: number, maxW: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw invalid(`${field} must be a whole number, 0 or more (got ${value}).`, field, { value });
  if (value > maxW) throw invalid(`${field} ${value} is above ${what} (${maxW}); lower it to at most ${maxW}.`, field, { value, max: maxW });
}

function inRange(field: string, value: number, range: { min: number; max: number }, unit: string): void {
  if (!Number.isFinite(value) || value < range.min || value > range.max) {
    throw invalid(`${field} must be between ${range.min} and ${range.max} ${unit} (got ${value}).`, field, { value, ...range });
  }
}

function checkFallback(fallbackW: number, fallbackTimeoutS: number, limitW: number, limitWhat: string): void {
  wholeWatts('fallbackW', fallbackW, limitW, limitWhat);
  if (!Number.isInteger(fallbackTimeoutS)) throw invalid(`fallbackTimeoutS must be whole seconds (got ${fallbackTimeoutS}).`, 'fallbackTimeoutS');
  inRange('fallbackTimeoutS', fallbackTimeoutS, RANGES.fallbackTimeoutS, 's');
}

function checkLimit(r: Extract<CommandRequest, { kind: 'setImportLimit' }>, cp: ChargePointControlInfo, now: Date): void {
  wholeWatts('importLimitW', r.importLimitW, cp.ratedImportW, `the rating of ${cp.id}`);
  if ((r.fallbackW === undefined) !== (r.fallbackTimeoutS === undefined)) throw invalid('Give both the fallback limit and its time-out, or neither.', 'fallbackW');
  if (r.fallbackW !== undefined && r.fallbackTimeoutS !== undefined) checkFallback(r.fallbackW, r.fallbackTimeoutS, r.importLimitW, 'the limit');
  if (r.endsAt && r.endsAt.getTime() <= now.getTime()) throw invalid(`The window ends in the past (${r.endsAt.toISOString()}); choose an end in the future.`, 'endsAt');
}

function checkV2g(r: Extract<CommandRequest, { kind: 'v2gDischarge' }>, cp: ChargePointControlInfo): void {
  if (!cp.functions.v2g) throw invalid(`${cp.id} is not V2G capable (no DAGC1); choose a V2G-capable charge point.`, 'chargePointId');
  const evse = cp.evses.find((e) => e.evseNo === r.evseNo);
  if (!evse) throw invalid(`${cp.id} has no EVSE ${r.evseNo}; choose one of ${cp.evses.map((e) => e.evseNo).join(', ')}.`, 'evseNo');
  if (!evse.v2gCapable) throw invalid(`EVSE ${r.evseNo} of ${cp.id} is not V2G capable; choose a V2G-capable EVSE.`, 'evseNo');
  if (!evse.evConnected) throw invalid(`No EV is connected at EVSE ${r.evseNo} of ${cp.id}; V2G needs a connected EV.`, 'evseNo', { status: evse.status });
  if (r.dischargeW <= 0) throw invalid(`dischargeW must be more than 0 (got ${r.dischargeW}); give the discharge power as a positive number.`, 'dischargeW');
  wholeWatts('dischargeW', r.dischargeW, cp.ratedExportW, `the export rating of ${cp.id}`);
  if (!Number.isInteger(r.durationS)) throw invalid(`durationS must be whole seconds (got ${r.durationS}).`, 'durationS');
  inRange('durationS', r.durationS, RANGES.v2gDurationS, 's');
}

function checkReactive(s: ReactiveSetting, cp: ChargePointControlInfo): void {
  if (s.mode === 'off') {
    if (!cp.functions.powerFactor && !cp.functions.fixedQ) throw invalid(`${cp.id} has no reactive power control.`, 'chargePointId');
    return;
  }
  if (s.direction !== 'absorbing' && s.direction !== 'injecting') throw invalid('Choose absorbing (inductive) or injecting (capacitive) reactive power.', 'direction');
  if (s.mode === 'powerFactor') {
    if (!cp.functions.powerFactor) throw invalid(`${cp.id} has no power factor control (no DFPF1).`, 'chargePointId');
    inRange('powerFactor', s.powerFactor, RANGES.powerFactor, '');
    return;
  }
  if (!cp.functions.fixedQ) throw invalid(`${cp.id} has no fixed reactive power control (no DVAR1).`, 'chargePointId');
  wholeWatts('reactivePowerVar', s.reactivePowerVar, cp.ratedReactiveVar, `the reactive rating of ${cp.id} in var`);
}

function checkFrequency(r: Extract<CommandRequest, { kind: 'frequencyResponse' }>, cp: ChargePointControlInfo): void {
  if (!cp.functions.frequencyResponse) throw invalid(`${cp.id} has no frequency response function (no DFWC1).`, 'chargePointId');
  if (r.deadBandHz !== undefined) inRange('deadBandHz', r.deadBandHz, RANGES.deadBandHz, 'Hz');
  if (r.droopPctPerHz !== undefined) inRange('droopPctPerHz', r.droopPctPerHz, RANGES.droopPctPerHz, '% per Hz');
}

/** Throws DomainError('invalid_input') for a request the charge point cannot or may not take. */
export function validateCommand(r: CommandRequest, cp: ChargePointControlInfo, now: Date): void {
  switch (r.kind) {
    case 'setImportLimit':
      return checkLimit(r, cp, now);
    case 'setFallback':
      return checkFallback(r.fallbackW, r.fallbackTimeoutS, Math.min(cp.ratedImportW, cp.currentImportLimitW ?? cp.ratedImportW), `the current limit of ${cp.id}`);
    case 'v2gDischarge':
      return checkV2g(r, cp);
    case 'reactive':
      return checkReactive(r.setting, cp);
    case 'frequencyResponse':
      return checkFrequency(r, cp);
    case 'outOfService':
      if (!['blocked', 'off', 'on'].includes(r.mode)) throw invalid('Choose blocked, off or on.', 'mode');
      if (r.reason.trim().length < 3) throw invalid('Taking a charge point out of service (or back) needs a reason; write why.', 'reason');
      return;
    case 'readMeter':
      if (r.method !== 'gi' && r.method !== 'getDataValues') throw invalid('Choose gi or getDataValues.', 'method');
      return;
  }
}
