// MiniDso as a scenario's DSO adapter, and a standalone scenario run (own MiniDso on 127.0.0.1,
// the scenario fleet, a manual clock) for tests and `simulate --scenario <file>`.
import type { Data, FC } from '@dso/iec61850';
import { ManualClock } from '../clock.js';
import { Fleet } from '../fleet.js';
import { scenarioFleet } from '../scenario/scenario-fleet.js';
import { runScenario } from '../scenario/scenario-runner.js';
import type { ScenarioDso, ScenarioResult } from '../scenario/scenario-runner.js';
import type { Scenario, StepValue } from '../scenario/scenario-types.js';
import { MiniDso } from './mini-dso.js';

const plain = (d: unknown): unknown => {
  const v = d !== null && typeof d === 'object' ? (Object.values(d)[0] as unknown) : d;
  return typeof v === 'bigint' ? Number(v) : v;
};

export function scenarioDso(mini: MiniDso): ScenarioDso {
  return {
    connected: async (ap, count) => {
      await mini.connected(ap, count);
    },
    enableReports: (ap, ld) => mini.enableReports(ap, ld),
    operate: async (ap, ref, value: Data, sbo) => {
      const c = mini.client(ap);
      const r = sbo ? await c.selectOperate(ref, value) : await c.operate(ref, value);
      if (r.ok) return { ok: true };
      const out: { ok: boolean; addCause?: string; serviceError?: string } = { ok: false };
      if (r.addCause !== undefined) out.addCause = r.addCause;
      if (r.serviceError !== undefined) out.serviceError = r.serviceError;
      return out;
    },
    write: async (ap, ref, fc, value) => {
      const r = await mini.client(ap).setDataValues(ref, fc.toLowerCase() as FC, value);
      if (r.ok) return { ok: true };
      return r.error.kind === 'serviceError' ? { ok: false, serviceError: r.error.serviceError } : { ok: false, serviceError: r.error.kind };
    },
    read: async (ap, ref, fc) => {
      const r = await mini.client(ap).getValue(ref, fc.toLowerCase() as FC);
      return r.ok ? r.value : undefined;
    },
    waitReported: async (ref, value: StepValue) => {
      try {
        await mini.until(() => mini.reported(ref).some((v) => plain({ v }) === value), `${ref} = ${String(value)}`, 3000);
        return true;
      } catch {
        return false;
      }
    },
    reportText: () => JSON.stringify(mini.reports, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
  };
}

/** Runs one scenario against its own MiniDso on 127.0.0.1 with the scenario fleet. */
export async function runScenarioStandalone(scenario: Scenario, seed = 42): Promise<ScenarioResult & { fleet: Fleet }> {
  const token = 'scenario-token';
  const desc = scenarioFleet(token);
  const mini = await new MiniDso(Object.fromEntries(desc.accessPoints.map((a) => [a.id, token]))).start();
  const fleet = new Fleet({ serverUrl: mini.url, fleet: desc, seed, clock: new ManualClock(), autonomous: false, minBackoffMs: 50 });
  try {
    await fleet.start();
    const result = await runScenario(scenario, fleet, scenarioDso(mini));
    return { ...result, fleet };
  } finally {
    await fleet.stop();
    await mini.stop();
  }
}
