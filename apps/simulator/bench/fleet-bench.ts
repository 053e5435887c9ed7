// Fleet bench: N public charge points stepping and reporting every second against a DSO in a child
// process (bench/dso-child.ts), for N = 500, 2000, 5000. Prints reports/s (sent and received) and
// the simulator's event-loop lag (p50/p99/max), next to a baseline measured in the same run: the
// same fleet stepping without sockets. Lag = delay of a 5 ms timer beyond its interval.
//   npx tsx --conditions=source apps/simulator/bench/fleet-bench.ts [--sizes 500,2000,5000] [--seconds 10]
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Fleet, generateFleet } from '../src/index.js';

interface ChildStatus {
  connected: number;
  enabled: number;
  reports: number;
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, seconds: { type: 'string' } } });
const sizes = (values.sizes ?? '500,2000,5000').split(',').map(Number).filter((n) => n > 0);
const seconds = Math.min(60, Math.max(3, Number(values.seconds ?? 10)));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function measure(fleet: Fleet, ms: number, received: () => number): Promise<Record<string, number>> {
  // the histogram records the time between its timer's ticks: subtract the sampling interval
  const resolution = 5;
  const h = monitorEventLoopDelay({ resolution });
  const lag = (ns: number): number => Math.max(0, ns / 1e6 - resolution);
  const sent0 = fleet.stats().reportsSent;
  const recv0 = received();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  h.enable();
  await sleep(ms);
  h.disable();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    sentPerS: ((fleet.stats().reportsSent - sent0) * 1000) / wall,
    receivedPerS: ((received() - recv0) * 1000) / wall,
    p50: lag(h.percentile(50)),
    p99: lag(h.percentile(99)),
    max: lag(h.max),
    cpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

async function baseline(n: number): Promise<Record<string, number>> {
  const fleet = new Fleet({ serverUrl: 'ws://127.0.0.1:9', fleet: generateFleet({ public: n, seed: 7 }), seed: 42, offline: true });
  await fleet.start();
  await sleep(1000);
  const r = await measure(fleet, Math.max(3000, (seconds * 1000) / 2), () => 0);
  await fleet.stop();
  return r;
}

function startChild(): Promise<{ child: ChildProcess; port: number; status: ChildStatus }> {
  const child = fork(join(import.meta.dirname, 'dso-child.ts'), [], { execArgv: ['--import', 'tsx', '--conditions=source'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const status: ChildStatus = { connected: 0, enabled: 0, reports: 0 };
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: Partial<ChildStatus> & { port?: number }) => {
      if (m.port !== undefined) resolve({ child, port: m.port, status });
      else Object.assign(status, m);
    });
  });
}

async function withSockets(n: number): Promise<Record<string, number>> {
  const { child, port, status } = await startChild();
  const fleet = new Fleet({ serverUrl: `ws://127.0.0.1:${port}`, fleet: generateFleet({ public: n, seed: 7 }), seed: 42, minBackoffMs: 500, keepAlive: { intervalMs: 30_000, timeoutMs: 60_000 } });
  const t0 = performance.now();
  await fleet.start();
  for (let i = 0; i < 600 && status.enabled < n; i += 1) await sleep(100); // bounded: 60 s
  const setupS = (performance.now() - t0) / 1000;
  await sleep(1000);
  const r = await measure(fleet, seconds * 1000, () => status.reports);
  const connected = fleet.stats().connected;
  await fleet.stop();
  child.kill();
  return { ...r, connected, enabled: status.enabled, setupS };
}

console.log(`fleet bench: public charge points, 1 s measurement interval, ${seconds} s per run; Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const n of sizes) {
  const b = await baseline(n);
  const s = await withSockets(n);
  const load = loadavg()[0] ?? 0;
  // CPU time per report (step loop included) does not depend on how busy the machine is
  const perReportUs = ((s.cpuPct ?? 0) * 1e4) / Math.max(1, s.sentPerS ?? 0);
  const capacity = 1e6 / Math.max(1, perReportUs);
  console.log(
    `N=${fmt(n)}\n` +
      `  baseline (no sockets): lag p50 ${fmt(b.p50 ?? 0, 1)} ms p99 ${fmt(b.p99 ?? 0, 1)} ms max ${fmt(b.max ?? 0, 1)} ms · CPU ${fmt(b.cpuPct ?? 0)} % · heap ${fmt(b.heapMb ?? 0)} MB\n` +
      `  with sockets:          connected ${fmt(s.connected ?? 0)}/${fmt(n)} (RCBs enabled on ${fmt(s.enabled ?? 0)}, setup ${fmt(s.setupS ?? 0, 1)} s) · reports/s sent ${fmt(s.sentPerS ?? 0)} received ${fmt(s.receivedPerS ?? 0)}\n` +
      `                         lag p50 ${fmt(s.p50 ?? 0, 1)} ms p99 ${fmt(s.p99 ?? 0, 1)} ms max ${fmt(s.max ?? 0, 1)} ms · CPU ${fmt(s.cpuPct ?? 0)} % · heap ${fmt(s.heapMb ?? 0)} MB · load ${fmt(load, 1)}\n` +
      `                         CPU per report sent ${fmt(perReportUs)} µs → one core would carry ≈ ${fmt(capacity)} reports/s`,
  );
}
process.exit(0);
