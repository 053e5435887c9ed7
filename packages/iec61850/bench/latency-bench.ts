// Round-trip latency of getDataValues over a real WebSocket on 127.0.0.1 (reverse mode: the DSO
// side is WS server + ACSI client, the device dials in and serves its model). Sequential (one call
// at a time) and pipelined (many in flight, bounded by maxOutstandingCalls). Prints p50/p99, req/s.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { chargePointModel } from '../examples/charge-point-model.js';
import { AcsiClient, AcsiServer, attachRtiEndpoint, connect } from '../src/index.js';
import type { WsChannel } from '../src/index.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(label: string, latenciesMs: number[], elapsedMs: number): void {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const rate = (latenciesMs.length / elapsedMs) * 1000;
  const mean = latenciesMs.reduce((a, b) => a + b, 0) / latenciesMs.length;
  const f = (ms: number): string => `${ms.toFixed(3)} ms`;
  console.log(
    `  ${label.padEnd(24)} n=${latenciesMs.length}  p50 ${f(percentile(sorted, 50))}  p90 ${f(percentile(sorted, 90))}  p99 ${f(percentile(sorted, 99))}  mean ${f(mean)}  ${Math.round(rate).toLocaleString('en-US')} req/s`,
  );
}

async function sequential(client: AcsiClient, n: number): Promise<void> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await client.getDataValues('CP0001/MMXU1.TotW', 'mx');
    if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
    latencies.push(performance.now() - t0);
  }
  summary('sequential', latencies, performance.now() - start);
}

async function pipelined(client: AcsiClient, n: number, window: number): Promise<void> {
  const latencies: number[] = [];
  const start = performance.now();
  let remaining = n;
  // `window` workers, each with one call in flight: latency is measured on the wire, not in a queue
  const worker = async (): Promise<void> => {
    while (remaining > 0) {
      remaining -= 1;
      const t0 = performance.now();
      const r = await client.getDataValues('CP0001/MMXU1.TotW', 'mx');
      if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: window }, worker));
  summary(`pipelined (window ${window})`, latencies, performance.now() - start);
}

/** Device-side update → dchg report → received and typed by the client, as fast as it goes. */
async function reportThroughput(server: AcsiServer, client: AcsiClient, n: number): Promise<void> {
  let received = 0;
  const off = client.onReport(() => {
    received += 1;
  });
  const ok = await client.setURCBValues({ urcbRef: 'CP0001/LLN0.urcbMeasurements', intgPd: 0, rptEna: true });
  if (!ok.ok) throw new Error('cannot enable urcbMeasurements');
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    server.update('CP0001/MMXU1.TotW', 1000 + (i % 5000));
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  while (received < n && performance.now() - start < 30_000) await new Promise((r) => setTimeout(r, 5));
  const elapsed = performance.now() - start;
  off();
  console.log(`  reports (dchg, 3 attributes)  n=${received}  ${Math.round((received / elapsed) * 1000).toLocaleString('en-US')} reports/s end to end`);
}

export async function runLatencyBench(): Promise<void> {
  const http = createServer();
  const channels: WsChannel[] = [];
  const waiting: ((c: WsChannel) => void)[] = [];
  const endpoint = attachRtiEndpoint(http, {
    onChannel: (c) => {
      const w = waiting.shift();
      if (w) w(c);
      else channels.push(c);
    },
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const server = new AcsiServer({ model: chargePointModel('CP0001'), association: { maxOutstandingCalls: 64 } });
  server.update('CP0001/MMXU1.TotW', 7350.5);
  const nextChannel = (): Promise<WsChannel> => {
    const c = channels.shift();
    return c ? Promise.resolve(c) : new Promise((resolve) => waiting.push(resolve));
  };
  server.attach(await connect(`ws://127.0.0.1:${port}/rti/CP0001`));
  const client = AcsiClient.attach(await nextChannel(), { maxOutstandingCalls: 64, maxQueuedCalls: 100_000 });
  if (!(await client.ready())) throw new Error('association failed');

  console.log('latency bench: getDataValues CP0001/MMXU1.TotW [MX] over ws://127.0.0.1 (JER)');
  await sequential(client, 2_000); // warm-up (JIT)
  await sequential(client, 10_000);
  await pipelined(client, 20_000, 8);
  await pipelined(client, 40_000, 64);
  await reportThroughput(server, client, 50_000);
  await client.release();
  server.close();
  endpoint.close();
  await new Promise<void>((resolve) => http.close(() => resolve()));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runLatencyBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
