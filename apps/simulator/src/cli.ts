// `npm run simulate -- --server ws://localhost:3000 --public 40 --residential 100 --seed 42`
// (or `--fleet data/demo-fleet.json`, or `--scenario scenarios/3.9-v2g-public.json`).
import { parseCliArgs, USAGE, UsageError } from './cli-args.js';
import type { CliArgs } from './cli-args.js';
import { startControlServer } from './control/control-server.js';
import { Fleet } from './fleet.js';
import { FleetFileError, loadFleetFile } from './fleet-file.js';
import type { FleetDescription } from './fleet-file.js';
import { generateFleet } from './generate-fleet.js';
import { runScenarioStandalone } from './harness/scenario-dso.js';
import { loadScenarioFile, ScenarioError } from './scenario/parse-scenario.js';

const logger = { info: (m: string): void => void m, warn: (m: string): void => console.error(`simulate: ${m}`) };

async function runScenarioFile(file: string, seed: number): Promise<number> {
  const scenario = await loadScenarioFile(file);
  const result = await runScenarioStandalone(scenario, seed);
  console.log(`${result.name}`);
  for (const s of result.steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.index + 1}. ${s.step}${s.ok ? '' : ` — ${s.message}`}`);
  console.log(result.passed ? 'passed' : 'FAILED');
  return result.passed ? 0 : 1;
}

async function fleetOf(args: CliArgs): Promise<FleetDescription> {
  if (args.fleetFile) return loadFleetFile(args.fleetFile);
  return generateFleet({ public: args.public, residential: args.residential, seed: args.seed, ...(args.token ? { token: args.token } : {}) });
}

function progress(fleet: Fleet, quiet: boolean): () => void {
  let last = fleet.stats();
  let lastAt = Date.now();
  const tty = process.stdout.isTTY;
  const timer = setInterval(() => {
    const s = fleet.stats();
    const now = Date.now();
    const rate = ((s.reportsSent - last.reportsSent) * 1000) / Math.max(1, now - lastAt);
    [last, lastAt] = [s, now];
    if (quiet) return;
    const line = `connected ${s.connected}/${s.accessPoints} · charge points ${s.chargePoints} · charging ${s.charging} · discharging ${s.discharging} · ${(s.powerW / 1000).toFixed(1)} kW · reports/s ${rate.toFixed(0)}`;
    if (tty) process.stdout.write(`\r${line}   `);
    else console.log(line);
  }, tty ? 1000 : 10_000);
  return () => clearInterval(timer);
}

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.scenario) return runScenarioFile(args.scenario, args.seed);
  const desc = await fleetOf(args);
  const fleet = new Fleet({ serverUrl: args.server, fleet: desc, seed: args.seed, measurementIntervalMs: args.intervalMs, logger });
  const cps = desc.accessPoints.reduce((n, a) => n + a.chargePoints.length, 0);
  console.log(`simulate: ${desc.accessPoints.length} access points, ${cps} charge points → ${args.server}`);
  await fleet.start();
  const control = args.controlPort === undefined ? undefined : await startControlServer(fleet, args.controlPort);
  if (control) console.log(`simulate: control API on http://127.0.0.1:${control.port}`);
  const stopProgress = progress(fleet, args.quiet);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    if (args.durationS !== undefined) setTimeout(resolve, args.durationS * 1000).unref();
  });
  stopProgress();
  await control?.close();
  await fleet.stop();
  console.log('\nsimulate: stopped');
  return 0;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError || error instanceof FleetFileError || error instanceof ScenarioError) {
      console.error(`simulate: ${error.message}`);
      if (error instanceof UsageError) console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    console.error('simulate: unexpected failure', error);
    process.exitCode = 1;
  });
