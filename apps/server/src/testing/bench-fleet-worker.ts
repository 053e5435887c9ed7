// The bench's device fleet in a worker thread (its own core): N test devices dial in, then update
// TotW at `ratePerDevice` per second (and EVSE status every tenth tick) for `seconds`; each tenth
// value's send time (performance.timeOrigin-based, comparable across threads) goes back to the parent.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { TestDevice } from './test-device.js';

interface Job {
  wsUrl: string;
  tokens: Record<string, string>;
  ratePerDevice: number;
  seconds: number;
}

const now = () => performance.timeOrigin + performance.now();

async function main(job: Job): Promise<void> {
  const ids = Object.keys(job.tokens);
  const devices = ids.map((id) => new TestDevice({ wsUrl: job.wsUrl, accessPoint: id, token: job.tokens[id] ?? '', logicalDevices: [{ ld: id, evseCount: 1 }] }));
  for (const d of devices) await d.connect();
  parentPort?.postMessage({ type: 'connected' });
  await new Promise<void>((resolve) => parentPort?.once('message', () => resolve()));
  const started = performance.now();
  const tickMs = 1000 / job.ratePerDevice;
  let tick = 0;
  let marker = 1;
  let sent: Array<[number, number]> = [];
  while (performance.now() - started < job.seconds * 1000) {
    for (const [i, d] of devices.entries()) {
      const id = ids[i] ?? '';
      const value = marker++;
      if (value % 10 === 0) sent.push([value, now()]);
      d.update(`${id}/MMXU1.TotW`, value);
      if (tick % 10 === i % 10) d.update(`${id}/DESE1.ChaSt`, 2 + (tick % 9));
    }
    tick += 1;
    if (sent.length > 1000) {
      parentPort?.postMessage({ type: 'sent', sent });
      sent = [];
    }
    const next = started + tick * tickMs;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  parentPort?.postMessage({ type: 'sent', sent });
  parentPort?.postMessage({ type: 'done', updates: marker - 1 });
  await new Promise((r) => setTimeout(r, 2_000)); // let the last reports out before closing
  for (const d of devices) d.close();
}

void main(workerData as Job).catch((err: unknown) => {
  parentPort?.postMessage({ type: 'error', message: String(err) });
});
