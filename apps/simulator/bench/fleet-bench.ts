// Fleet bench: N public charge points stepping and reporting every second against a DSO in a child
// process (bench/dso-child.ts), for N = 500, 2000, 5000. The fleet runs in this process, spread over
// `--threads` worker threads (default 1). Prints reports/s (sent and received), event-loop lag of
// the fleet threads (p50/p99/max: delay of a 5 ms timer beyond its interval), CPU, and a baseline
// measured in the same run: the same fleet stepping without sockets.
//   npx tsx --conditions=source apps/simulator/bench/fleet-bench.ts [--sizes 500,2000,5000] [--seconds 10] [--threads 1]
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { generateFleet } from '../src/index.js';
import type { FleetDescription } from '../src/index.js';
import { spawnFleetWorker } from './fleet-worker.js';
import type { FromWorker, Measured, WorkerInput } from './fleet-worker.js';

interface ChildStatus {
  connected: number;
  enabled: number;
  reports: number;
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, seconds: { type: 'string' }, threads: { type: 'string' } } });
const sizes = (values.sizes ?? '500,2000,5000').split(',').map(Number).filter((n) => n > 0);
const seconds = Math.min(60, Math.max(3, Number(values.seconds ?? 10)));
const threads = Math.min(16, Math.max(1, Number(values.threads ?? 1)));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The fleet split over worker threads, driven by messages. */
class FleetThreads {
  private constructor(private readonly workers: Worker[]) {}

  static async start(desc: FleetDescription, base: Omit<WorkerInput, 'fleet'>): Promise<FleetThreads> {
    const parts = Array.from({ length: threads }, (): FleetDescription => ({ accessPoints: [] }));
    desc.accessPoints.forEach((ap, i) => parts[i % threads]?.accessPoints.push(ap));
    const workers = parts.map((fleet) => spawnFleetWorker({ ...base, fleet }));
    const t = new FleetThreads(workers);
    await t.ask('started', undefined);
    return t;
  }

  private ask(kind: FromWorker['kind'], request: Parameters<Worker['postMessage']>[0]): Promise<FromWorker[]> {
    return Promise.all(
      this.workers.map(
        (w) =>
          new Promise<FromWorker>((resolve) => {
            const on = (m: FromWorker): void => {
              if (m.kind !== kind) return;
              w.off('message', on);
              resolve(m);
            };
            w.on('message', on);
            if (request !== undefined) w.postMessage(request);
          }),
      ),
    );
  }

  async measure(ms: number): Promise<Measured[]> {
    const answers = await this.ask('measured', { kind: 'measure', ms });
    return answers.flatMap((a) => (a.kind === 'measured' ? [a.m] : []));
  }

  async connected(): Promise<number> {
    const answers = await this.ask('stats', { kind: 'stats' });
    return answers.reduce((n, a) => n + (a.kind === 'stats' ? a.stats.connected : 0), 0);
  }

  async stop(): Promise<void> {
    await this.ask('stopped', { kind: 'stop' });
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

async function measure(fleet: FleetThreads, ms: number, received: () => number): Promise<Record<string, number>> {
  const recv0 = received();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const parts = await fleet.measure(ms);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    sentPerS: (parts.reduce((n, p) => n + p.sent, 0) * 1000) / wall,
    receivedPerS: ((received() - recv0) * 1000) / wall,
    p50: Math.max(...parts.map((p) => p.p50)),
    p99: Math.max(...parts.map((p) => p.p99)),
    max: Math.max(...parts.map((p) => p.max)),
    elu: Math.max(...parts.map((p) => p.elu)),
    cpuPct: ((cpu.user + cpu.system) / 1000 / wall) * 100,
  };
}

async function baseline(n: number): Promise<Record<string, number>> {
  const fleet = await FleetThreads.start(generateFleet({ public: n, seed: 7 }), { serverUrl: 'ws://127.0.0.1:9', seed: 42, offline: true });
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
  const t0 = performance.now();
  const fleet = await FleetThreads.start(generateFleet({ public: n, seed: 7 }), { serverUrl: `ws://127.0.0.1:${port}`, seed: 42, offline: false, keepAlive: { intervalMs: 30_000, timeoutMs: 60_000 } });
  for (let i = 0; i < 600 && status.enabled < n; i += 1) await sleep(100); // bounded: 60 s
  const setupS = (performance.now() - t0) / 1000;
  await sleep(1000);
  const r = await measure(fleet, seconds * 1000, () => status.reports);
  const connected = await fleet.connected();
  await fleet.stop();
  child.kill();
  return { ...r, connected, enabled: status.enabled, setupS };
}

const lagText = (r: Record<string, number>): string =>
  `lag p50 ${fmt(r.p50 ?? 0, 1)} ms p99 ${fmt(r.p99 ?? 0, 1)} ms max ${fmt(r.max ?? 0, 1)} ms · busiest thread ${fmt((r.elu ?? 0) * 100)} % · process CPU ${fmt(r.cpuPct ?? 0)} %`;

console.log(`fleet bench: public charge points, 1 s measurement interval, ${seconds} s per run, ${threads} fleet thread(s); Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const n of sizes) {
  const b = await baseline(n);
  const s = await withSockets(n);
  // CPU time per report (step loop included) does not depend on how busy the machine is
  const perReportUs = ((s.cpuPct ?? 0) * 1e4) / Math.max(1, s.sentPerS ?? 0);
  console.log(
    `N=${fmt(n)}\n` +
      `  baseline (no sockets): ${lagText(b)}\n` +
      `  with sockets:          connected ${fmt(s.connected ?? 0)}/${fmt(n)} (RCBs enabled on ${fmt(s.enabled ?? 0)}, setup ${fmt(s.setupS ?? 0, 1)} s) · reports/s sent ${fmt(s.sentPerS ?? 0)} received ${fmt(s.receivedPerS ?? 0)}\n` +
      `                         ${lagText(s)} · load ${fmt(loadavg()[0] ?? 0, 1)}\n` +
      `                         CPU per report sent ${fmt(perReportUs)} µs → one core would carry ≈ ${fmt(1e6 / Math.max(1, perReportUs))} reports/s`,
  );
}
process.exit(0);
