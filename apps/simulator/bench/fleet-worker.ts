// One bench worker thread: runs a Fleet over its share of the access points and answers the main
// thread's requests (measure lag and reports for a while, stats, stop). Spawned by fleet-bench.ts.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { KeepAliveOptions } from '@dso/iec61850';
import { Fleet } from '../src/index.js';
import type { FleetDescription, FleetStats } from '../src/index.js';

export interface WorkerInput {
  serverUrl: string;
  fleet: FleetDescription;
  seed: number;
  offline: boolean;
  keepAlive?: KeepAliveOptions;
}

export interface Measured {
  sent: number;
  p50: number;
  p99: number;
  max: number;
  /** Event-loop utilisation of this thread, 0..1. */
  elu: number;
}

export type FromWorker = { kind: 'started' } | { kind: 'measured'; m: Measured } | { kind: 'stats'; stats: FleetStats } | { kind: 'stopped' };
export type ToWorker = { kind: 'measure'; ms: number } | { kind: 'stats' } | { kind: 'stop' };

const RESOLUTION_MS = 5;

/** Starts a worker thread running this file (TypeScript through tsx's loader). */
export function spawnFleetWorker(input: WorkerInput): Worker {
  const url = JSON.stringify(import.meta.url);
  const code = `import('tsx/esm/api').then((m) => { m.register(); return import(${url}); }).catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(code, { eval: true, execArgv: ['--conditions=source'], workerData: input });
}

async function serve(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const opts = { serverUrl: input.serverUrl, fleet: input.fleet, seed: input.seed, offline: input.offline, minBackoffMs: 500 };
  const fleet = new Fleet(input.keepAlive ? { ...opts, keepAlive: input.keepAlive } : opts);
  await fleet.start();
  const post = (m: FromWorker): void => port.postMessage(m);
  post({ kind: 'started' });
  port.on('message', (m: ToWorker) => {
    if (m.kind === 'stats') post({ kind: 'stats', stats: fleet.stats() });
    if (m.kind === 'stop') void fleet.stop().then(() => post({ kind: 'stopped' }));
    if (m.kind !== 'measure') return;
    const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    const lag = (ns: number): number => Math.max(0, ns / 1e6 - RESOLUTION_MS);
    const sent0 = fleet.stats().reportsSent;
    const elu0 = performance.eventLoopUtilization();
    h.enable();
    setTimeout(() => {
      h.disable();
      const elu = performance.eventLoopUtilization(elu0).utilization;
      post({ kind: 'measured', m: { sent: fleet.stats().reportsSent - sent0, p50: lag(h.percentile(50)), p99: lag(h.percentile(99)), max: lag(h.max), elu } });
    }, m.ms);
  });
}

if (parentPort && workerData) {
  const port = parentPort;
  serve(port, workerData as WorkerInput).catch((e: unknown) => {
    console.error('fleet worker failed', e);
    process.exit(1);
  });
}
