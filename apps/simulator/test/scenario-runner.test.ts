// The runner really checks: a wrong expectation fails its step and stops the scenario.
import { describe, expect, it } from 'vitest';
import { parseScenario, runScenarioStandalone } from '../src/index.js';

describe('scenario runner', () => {
  it('fails on a wrong state, a wrong refusal and a missing report, naming the step', async () => {
    const base = [
      { dso: 'waitConnected', accessPoint: 'VC-0001' },
      { dso: 'enableReports', accessPoint: 'VC-0001', ld: 'VC-0001' },
      { do: 'plugIn', cp: 'VC-0001', evse: 1, ev: { socPct: 40, capacityWh: 60000, v2g: false } },
      { do: 'startTransaction', cp: 'VC-0001', evse: 1 },
      { do: 'advance', ms: 1000 },
    ];
    const cases: Array<[unknown, string]> = [
      [{ expect: 'state', cp: 'VC-0001', path: 'evses.0.status', equals: 'Available' }, 'is "Charging", expected "Available"'],
      [{ dso: 'operate', accessPoint: 'VC-0001', ref: 'VC-0001/DWMX1.WMaxSpt', value: 99999, expect: 'ok' }, 'expected ok, got inconsistentParameters'],
      [{ expect: 'reported', ref: 'VC-0001/DESE1.ChaSt.stVal', value: 10 }, 'no report with VC-0001/DESE1.ChaSt.stVal = 10'],
    ];
    for (const [bad, message] of cases) {
      const scenario = parseScenario({ name: 'negative', useCase: '3.3', architecture: 'public', steps: [...base, bad, { do: 'advance', ms: 1000 }] });
      const result = await runScenarioStandalone(scenario);
      expect(result.passed).toBe(false);
      expect(result.steps).toHaveLength(base.length + 1); // stopped at the failing step
      expect(result.steps.at(-1)?.message).toContain(message);
    }
  });
});
