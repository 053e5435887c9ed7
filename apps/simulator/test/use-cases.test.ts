// Every scenario file (use cases 3.1–3.12, public and residential) against a live DSO (MiniDso on
// 127.0.0.1: the protocol library's endpoint + ACSI client, as apps/server runs it).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioStandalone } from '../src/harness/scenario-dso.js';
import { loadScenarioFile } from '../src/scenario/parse-scenario.js';

const dir = join(import.meta.dirname, '..', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('use case scenarios', () => {
  it('has a public and a residential scenario for each of 3.1–3.12', () => {
    for (let n = 1; n <= 12; n += 1) {
      for (const arch of ['public', 'residential']) expect(files.some((f) => f.startsWith(`3.${n}-`) && f.endsWith(`-${arch}.json`))).toBe(true);
    }
  });

  for (const file of files) {
    it(file, async () => {
      const scenario = await loadScenarioFile(join(dir, file));
      const result = await runScenarioStandalone(scenario);
      const failed = result.steps.filter((s) => !s.ok).map((s) => `step ${s.index}: ${s.step} → ${s.message}`);
      expect(failed).toEqual([]);
      expect(result.passed).toBe(true);
    });
  }
});
