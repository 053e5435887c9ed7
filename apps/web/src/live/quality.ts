// Quality of a live value in words (DOMAIN.md §4): invalid values are gaps, questionable or old
// values are greyed with the reason, test values marked, late data labelled, stale values named.
import type { LiveValue } from './live-store.js';

export const VALIDITY = { good: 0, invalid: 1, questionable: 2 } as const;

const FLAG_REASONS: Array<[number, string]> = [
  [1, 'overflow'],
  [2, 'out of range'],
  [4, 'bad reference'],
  [8, 'oscillatory'],
  [16, 'failure'],
  [32, 'old data'],
  [64, 'inconsistent'],
  [128, 'inaccurate'],
  [256, 'substituted'],
  [512, 'test value'],
  [1024, 'operator blocked'],
  [2048, 'the link to the device was lost after this value'],
];

export const QF_TEST = 512;

const MEASUREMENTS = new Set(['activePowerW', 'reactivePowerVar', 'powerFactor', 'frequencyHz']);

/**
 * Reporting period + margin (as the server): measurements 10 s, energy registers 90 s. Status and
 * setpoints (limits end in W too) are event-driven: old only when the device is offline.
 */
export function staleAfterMs(measurand: string): number | null {
  if (measurand.startsWith('energy')) return 90_000;
  if (MEASUREMENTS.has(measurand) || /^(voltageL\dV|currentL\dA)$/.test(measurand)) return 10_000;
  return null;
}

export type QualityLevel = 'good' | 'questionable' | 'invalid' | 'stale';

export interface QualityView {
  level: QualityLevel;
  /** one sentence for a tooltip; empty for good, fresh values */
  reason: string;
  test: boolean;
  late: boolean;
}

export function flagReasons(flags: number): string[] {
  return FLAG_REASONS.filter(([bit]) => (flags & bit) !== 0).map(([, why]) => why);
}

export function qualityOf(
  v: LiveValue,
  measurand: string,
  opts: { online: boolean; nowMs: number },
): QualityView {
  const reasons = flagReasons(v.qualityFlags);
  const test = (v.qualityFlags & QF_TEST) !== 0;
  const late = v.late;
  if (v.validity === VALIDITY.invalid) {
    return { level: 'invalid', reason: `Invalid${reasons.length ? `: ${reasons.join(', ')}` : ''} — not used`, test, late };
  }
  if (v.validity === VALIDITY.questionable) {
    return { level: 'questionable', reason: `Questionable${reasons.length ? `: ${reasons.join(', ')}` : ''}`, test, late };
  }
  const limit = staleAfterMs(measurand);
  if (!opts.online) return { level: 'stale', reason: 'Old: the device is offline; this is the last value received', test, late };
  if (limit !== null && opts.nowMs - v.receivedAtMs > limit) {
    return { level: 'stale', reason: `Old: nothing new for ${Math.round((opts.nowMs - v.receivedAtMs) / 1000)} s`, test, late };
  }
  return { level: 'good', reason: late ? 'Arrived late (buffered by the device and sent after reconnecting)' : '', test, late };
}
