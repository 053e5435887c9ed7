// Verification (DOMAIN.md §4 "Control"): acknowledgement is not proof. A command is verified when
// what the device reports after it — the setpoint it holds and the power it measures — agrees
// with the command within a tolerance and a time window. Pure: a function of the command, the
// reported values (already mapped to domain names by ingest) and the settings.
import type { Command, CommandRequest, Verification, VerificationCheck } from './command-types.js';
import { MOD, signed } from './command-profile.js';

export const OBSERVED_QUANTITIES = [
  'importLimitSetpointW', // DWMX1.WMaxSpt
  'fallbackW', // DWMX1.WMaxSet
  'fallbackTimeoutS', // DWMX1.WMaxFto
  'activePowerW', // MMXU1.TotW (+ import, − export)
  'activePowerSetpointW', // DAGC1.WSpt
  'evseStatus', // DESEn.ChaSt in words
  'energyExportWh', // MMTR1.SupWh
  'pfTarget', // DFPF1.PFTgtSpt
  'pfMode', // DFPF1.Mod
  'reactiveTargetVar', // DVAR1.VArTgtSpt
  'reactiveMode', // DVAR1.Mod
  'powerFactor', // MMXU1.TotPF
  'reactivePowerVar', // MMXU1.TotVAr
  'frequencyResponseMode', // DFWC1.Mod
  'deadBandHz', // DFWC1.HzDb
  'droopPctPerHz', // DFWC1.Drp
  'mode', // LLN0.Mod
  'meterReading', // any fresh MMTR/MMXU value
] as const;
export type ObservedQuantity = (typeof OBSERVED_QUANTITIES)[number];

export interface Observation {
  quantity: ObservedQuantity;
  value: number | string;
  /** The device's time stamp. */
  at: Date;
  evseNo?: number;
}

export interface VerificationSettings {
  /** How long after the acknowledgement the values must agree. */
  windowS: number;
  /** Power tolerance: max(absolute, relative × target). */
  powerToleranceW: number;
  powerToleranceRel: number;
  powerFactorTolerance: number;
}

export const DEFAULT_VERIFICATION: VerificationSettings = { windowS: 60, powerToleranceW: 250, powerToleranceRel: 0.05, powerFactorTolerance: 0.02 };

type Test = { eq: number | string; tol?: number } | { atMost: number } | { near: number; tol: number } | { rises: true };

interface Expectation {
  quantity: ObservedQuantity;
  evseNo?: number;
  test: Test;
  label: string;
}

const powerTol = (s: VerificationSettings, targetW: number): number => Math.max(s.powerToleranceW, Math.abs(targetW) * s.powerToleranceRel);

function reactiveExpectations(r: Extract<CommandRequest, { kind: 'reactive' }>, s: VerificationSettings): Expectation[] {
  const set = r.setting;
  if (set.mode === 'off') return [{ quantity: 'pfMode', test: { eq: MOD.off }, label: 'power factor control off' }];
  if (set.mode === 'powerFactor') {
    const target = signed(set.powerFactor, set.direction);
    return [
      { quantity: 'pfTarget', test: { eq: target, tol: 0.001 }, label: `reported cos φ target ${target}` },
      { quantity: 'pfMode', test: { eq: MOD.on }, label: 'power factor control on' },
      { quantity: 'powerFactor', test: { near: target, tol: s.powerFactorTolerance }, label: `measured power factor near ${target}` },
    ];
  }
  const target = signed(set.reactivePowerVar, set.direction);
  return [
    { quantity: 'reactiveTargetVar', test: { eq: target, tol: 1 }, label: `reported Q target ${target} var` },
    { quantity: 'reactiveMode', test: { eq: MOD.on }, label: 'fixed Q control on' },
    { quantity: 'reactivePowerVar', test: { near: target, tol: powerTol(s, target) }, label: `measured Q near ${target} var` },
  ];
}

/** What the device must report for the command to count as done. */
export function expectationsOf(r: CommandRequest, s: VerificationSettings): Expectation[] {
  switch (r.kind) {
    case 'setImportLimit':
      return [
        { quantity: 'importLimitSetpointW', test: { eq: r.importLimitW, tol: 1 }, label: `reported limit ${r.importLimitW} W` },
        { quantity: 'activePowerW', test: { atMost: r.importLimitW + powerTol(s, r.importLimitW) }, label: `measured power at most ${r.importLimitW} W` },
      ];
    case 'setFallback':
      return [
        { quantity: 'fallbackW', test: { eq: r.fallbackW, tol: 1 }, label: `reported fallback ${r.fallbackW} W` },
        { quantity: 'fallbackTimeoutS', test: { eq: r.fallbackTimeoutS }, label: `reported fallback time-out ${r.fallbackTimeoutS} s` },
      ];
    case 'v2gDischarge':
      return [
        { quantity: 'activePowerSetpointW', test: { eq: -r.dischargeW, tol: 1 }, label: `reported setpoint ${-r.dischargeW} W` },
        { quantity: 'activePowerW', test: { near: -r.dischargeW, tol: powerTol(s, r.dischargeW) }, label: `measured power near ${-r.dischargeW} W` },
        { quantity: 'evseStatus', evseNo: r.evseNo, test: { eq: 'Discharging' }, label: `EVSE ${r.evseNo} Discharging` },
        { quantity: 'energyExportWh', test: { rises: true }, label: 'export register rising' },
      ];
    case 'reactive':
      return reactiveExpectations(r, s);
    case 'frequencyResponse':
      return [
        { quantity: 'frequencyResponseMode', test: { eq: r.enabled ? MOD.on : MOD.off }, label: `P(f) ${r.enabled ? 'on' : 'off'}` },
        ...(r.deadBandHz === undefined ? [] : [{ quantity: 'deadBandHz' as const, test: { eq: r.deadBandHz, tol: 0.001 }, label: `dead band ${r.deadBandHz} Hz` }]),
        ...(r.droopPctPerHz === undefined ? [] : [{ quantity: 'droopPctPerHz' as const, test: { eq: r.droopPctPerHz, tol: 0.01 }, label: `droop ${r.droopPctPerHz} %/Hz` }]),
      ];
    case 'outOfService':
      return [{ quantity: 'mode', test: { eq: MOD[r.mode] }, label: `mode ${r.mode}` }];
    case 'readMeter':
      return [{ quantity: 'meterReading', test: { rises: true }, label: 'a fresh reading' }];
  }
}

function passes(test: Test, last: Observation, baseline: Observation | undefined): boolean {
  const v = last.value;
  if ('rises' in test) return baseline === undefined ? true : typeof v === 'number' && typeof baseline.value === 'number' ? v > baseline.value : v !== baseline.value;
  if ('eq' in test) return typeof v === 'number' && typeof test.eq === 'number' ? Math.abs(v - test.eq) <= (test.tol ?? 0) : v === test.eq;
  if (typeof v !== 'number') return false;
  if ('atMost' in test) return v <= test.atMost;
  return Math.abs(v - test.near) <= test.tol;
}

function check(exp: Expectation, observations: readonly Observation[], from: Date, until: Date): VerificationCheck {
  const mine = observations
    .filter((o) => o.quantity === exp.quantity && (exp.evseNo === undefined || o.evseNo === exp.evseNo))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const inWindow = mine.filter((o) => o.at.getTime() >= from.getTime() && o.at.getTime() <= until.getTime());
  const last = inWindow.at(-1);
  if (!last) return { quantity: exp.quantity, expected: exp.label, observed: null, ok: false };
  // 'rises' compares with the last value before the window (or, lacking one, the window's first)
  const before = mine.filter((o) => o.at.getTime() < from.getTime()).at(-1) ?? (inWindow.length > 1 ? inWindow[0] : undefined);
  const baseline = exp.quantity === 'meterReading' ? undefined : before;
  return { quantity: exp.quantity, expected: exp.label, observed: String(last.value), ok: passes(exp.test, last, baseline) };
}

function why(checks: VerificationCheck[], windowS: number): string {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return 'The device reports what was commanded.';
  return failed
    .map((c) => (c.observed === null ? `no ${c.quantity} reported within ${windowS} s (expected ${c.expected})` : `${c.quantity} is ${c.observed}, expected ${c.expected}`))
    .join('; ');
}

/**
 * Verdict over the values reported from `since` (the acknowledgement) to since + windowS. The
 * latest value of each quantity in the window decides (the settled value).
 */
export function verifyCommand(command: Pick<Command, 'request'>, observations: readonly Observation[], since: Date, settings: VerificationSettings = DEFAULT_VERIFICATION): Verification {
  const until = new Date(since.getTime() + settings.windowS * 1000);
  const checks = expectationsOf(command.request, settings).map((e) => check(e, observations, since, until));
  const verified = checks.every((c) => c.ok);
  return { verified, checks, why: why(checks, settings.windowS) };
}
