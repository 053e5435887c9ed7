#!/usr/bin/env node
// `npm test`: every check, in order — typecheck, lint, unit + integration tests (Vitest, real
// SQLite; real PostgreSQL too when TEST_POSTGRES_URL is set), then the Playwright end-to-end tests
// in a real Chromium. Ends with one line "N passed, N failed" over all tests that ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-test-run-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function step(name, args, opts = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
  if (!ok) failedSteps.push(name);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

step('typecheck', [bin('typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) ;
for (const ws of ['packages/iec61850', 'apps/server', 'apps/simulator', 'apps/web', 'e2e']) {
  if (fs.existsSync(path.join(root, ws, 'tsconfig.json'))) step(`typecheck ${ws}`, [bin('typescript/bin/tsc'), '-p', `${ws}/tsconfig.json`, '--noEmit']);
}
step('lint', [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']);

const vitestJson = path.join(tmp, 'vitest.json');
step('unit and integration tests (vitest)', [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else {
  failedSteps.push('vitest wrote no results');
}
if (!process.env.TEST_POSTGRES_URL) console.log('PostgreSQL integration tests were skipped: set TEST_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres to run them.');

const e2eJson = path.join(root, 'e2e/artifacts/results.json'); // written by e2e/run.mjs
if (fs.existsSync(path.join(root, 'e2e/run.mjs'))) {
  step('end-to-end tests (Playwright, Chromium)', [path.join(root, 'e2e/run.mjs')]);
  const e = readJson(e2eJson);
  if (e?.stats) {
    totals.passed += e.stats.expected;
    totals.failed += e.stats.unexpected + (e.stats.flaky ?? 0);
    totals.skipped += e.stats.skipped;
  } else {
    failedSteps.push('playwright wrote no results');
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
