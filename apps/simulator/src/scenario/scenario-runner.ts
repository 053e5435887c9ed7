// Runs a scenario on a fleet (stepped by a ManualClock) with a DSO adapter, step by step, and
// reports which steps held. DSO steps need an adapter (tests and standalone runs use MiniDso).
import type { Data } from '@dso/iec61850';
import { CommandError } from '../device/commands.js';
import type { Fleet } from '../fleet.js';
import type { Scenario, Step, StepValue } from './scenario-types.js';
import type { DsoStep, ExpectStep } from './scenario-types.js';
import { runDeviceStep } from './device-steps.js';

/** What a scenario needs from the DSO side. */
export interface ScenarioDso {
  connected(accessPoint: string, count?: number): Promise<void>;
  enableReports(accessPoint: string, ld: string): Promise<void>;
  operate(accessPoint: string, ref: string, value: Data, sbo: boolean): Promise<{ ok: boolean; addCause?: string; serviceError?: string }>;
  write(accessPoint: string, ref: string, fc: string, value: Data): Promise<{ ok: boolean; serviceError?: string }>;
  read(accessPoint: string, ref: string, fc: string): Promise<Data | undefined>;
  /** Waits (bounded) until a report carried `value` for the data attribute `ref`. */
  waitReported(ref: string, value: StepValue): Promise<boolean>;
  /** Text of every report received (for the privacy check). */
  reportText(): string;
}

export interface StepResult {
  index: number;
  step: string;
  ok: boolean;
  message: string;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  steps: StepResult[];
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 15));

function dataOf(value: StepValue, type: string | undefined, ref: string): Data {
  if (typeof value === 'boolean') return { boolean: value };
  const t = type ?? (/\.(Mod|SptReas)$/.test(ref) ? 'enumerated' : 'float32');
  if (t === 'enumerated') return { enumerated: value };
  if (t === 'int32') return { int32: value };
  return { float32: value };
}

export function pathValue(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), root);
}

function describe(step: Step): string {
  const { note, ...rest } = step;
  return note ?? JSON.stringify(rest);
}

async function runDso(step: DsoStep, dso: ScenarioDso): Promise<string | undefined> {
  switch (step.dso) {
    case 'waitConnected':
      await dso.connected(step.accessPoint, step.count);
      return undefined;
    case 'enableReports':
      await dso.enableReports(step.accessPoint, step.ld);
      return undefined;
    case 'operate':
    case 'selectOperate': {
      const r = await dso.operate(step.accessPoint, step.ref, dataOf(step.value, step.type, step.ref), step.dso === 'selectOperate');
      const got = r.ok ? 'ok' : (r.addCause ?? r.serviceError ?? 'refused');
      return got === step.expect ? undefined : `expected ${step.expect}, got ${got} ${JSON.stringify(r)}`;
    }
    case 'write': {
      const r = await dso.write(step.accessPoint, step.ref, step.fc, dataOf(step.value, step.type ?? 'float32', step.ref));
      const got = r.ok ? 'ok' : (r.serviceError ?? 'refused');
      return got === step.expect ? undefined : `expected ${step.expect}, got ${got}`;
    }
    case 'read': {
      const data = await dso.read(step.accessPoint, step.ref, step.fc);
      if (data === undefined) return 'read failed';
      if (step.oldData !== undefined && 'quality' in data) {
        const old = data.quality.detailQual?.oldData ?? false;
        return old === step.oldData ? undefined : `oldData is ${old}`;
      }
      const v = Object.values(data)[0] as unknown;
      const value = typeof v === 'bigint' ? Number(v) : v;
      return step.expect === undefined || value === step.expect ? undefined : `read ${JSON.stringify(value)}, expected ${JSON.stringify(step.expect)}`;
    }
  }
}

async function runExpect(step: ExpectStep, fleet: Fleet, dso: ScenarioDso | undefined): Promise<string | undefined> {
  switch (step.expect) {
    case 'state': {
      const v = pathValue(fleet.chargePoint(step.cp).state, step.path);
      if (step.equals !== undefined && v !== step.equals) return `${step.path} is ${JSON.stringify(v)}, expected ${JSON.stringify(step.equals)}`;
      if (step.atMost !== undefined && !(typeof v === 'number' && v <= step.atMost + 1e-6)) return `${step.path} is ${JSON.stringify(v)}, expected ≤ ${step.atMost}`;
      if (step.atLeast !== undefined && !(typeof v === 'number' && v >= step.atLeast - 1e-6)) return `${step.path} is ${JSON.stringify(v)}, expected ≥ ${step.atLeast}`;
      return undefined;
    }
    case 'reported':
      if (!dso) return 'needs a DSO';
      return (await dso.waitReported(step.ref, step.value)) ? undefined : `no report with ${step.ref} = ${JSON.stringify(step.value)}`;
    case 'ocpp': {
      const matches = fleet.ocppLog(step.cp).filter((m) => m.action === step.action && Object.entries(step.contains ?? {}).every(([k, v]) => pathValue(m.payload, k) === v));
      return matches.length >= (step.atLeast ?? 1) ? undefined : `${matches.length} ${step.action} message(s) matching ${JSON.stringify(step.contains ?? {})}`;
    }
    case 'noDriverIdentity': {
      const text = `${dso?.reportText() ?? ''}${fleet.modelText()}`;
      return /TAG-\d|idTag|transactionId/.test(text) ? 'driver identity found on the 61850 side' : undefined;
    }
  }
}

export async function runScenario(scenario: Scenario, fleet: Fleet, dso: ScenarioDso | undefined): Promise<ScenarioResult> {
  const steps: StepResult[] = [];
  for (const [index, step] of scenario.steps.entries()) {
    let message: string | undefined;
    try {
      if ('do' in step) await runDeviceStep(step, fleet);
      else if ('dso' in step) message = dso ? await runDso(step, dso) : 'skipped: no DSO adapter';
      else message = await runExpect(step, fleet, dso);
    } catch (error) {
      message = error instanceof CommandError ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`;
    }
    await settle();
    steps.push({ index, step: describe(step), ok: message === undefined, message: message ?? 'ok' });
    if (message !== undefined) break;
  }
  return { name: scenario.name, passed: steps.length === scenario.steps.length && steps.every((s) => s.ok), steps };
}
