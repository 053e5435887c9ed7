// Codec benchmark: encode / decode rate of a typical measurement report (20 entryData items, each
// with mag, q, t), against JSON.stringify / JSON.parse of the same JSON measured in the same run.
// Run alone: npx tsx --conditions=source packages/iec61850/bench/codec-bench.ts
import { pathToFileURL } from 'node:url';
import { decodePdu, encodePdu } from '../src/codec/index.js';
import type { EntryData1, TpaaPdu } from '../src/pdu/index.js';
import { quality, reasonCode, timeStampFromDate } from '../src/pdu/index.js';

const LD = 'CP0001';
const MEASUREMENTS: [string, number][] = [
  ['MMXU1.TotW', 7350.5], ['MMXU1.TotVAr', -120.25], ['MMXU1.TotPF', 0.98], ['MMXU1.Hz', 50.01],
  ['MMXU1.PhV.phsA', 230.1], ['MMXU1.PhV.phsB', 229.8], ['MMXU1.PhV.phsC', 231.2],
  ['MMXU1.A.phsA', 10.6], ['MMXU1.A.phsB', 10.7], ['MMXU1.A.phsC', 10.5],
  ['EVSE1MMXU1.TotW', 3675.0], ['EVSE2MMXU1.TotW', 3675.5], ['EVSE3MMXU1.TotW', 0.0], ['EVSE4MMXU1.TotW', 0.0],
  ['EVSE1MMXU1.TotVAr', -60.0], ['EVSE2MMXU1.TotVAr', -60.25], ['EVSE3MMXU1.TotVAr', 0.0], ['EVSE4MMXU1.TotVAr', 0.0],
  ['MMTR1.DmdWh', 1234567.0], ['MMTR1.SupWh', 89.5],
];

/** The measurement report the benchmark encodes and decodes. */
export function measurementReport(): TpaaPdu {
  const t = timeStampFromDate(new Date('2026-01-01T12:00:00.250Z'));
  const entryData: EntryData1[] = MEASUREMENTS.map(([name, f]) => ({
    dataRef: `${LD}/${name}`,
    value: [
      { name: 'mag', data: { structure: { data: [{ float32: f }] } } },
      { name: 'q', data: { quality: quality() } },
      { name: 't', data: { timeStamp: t } },
    ],
    reasonCode: reasonCode({ dataChange: true }),
  }));
  return {
    unconfirmed: {
      associateId: 'a-CP0001',
      service: {
        report: {
          rptID: 'urcbMeasurements', sqNum: 4711, subSqNum: 0, moreSegmentsFollow: false,
          dataSet: `${LD}/LLN0$dsMeasurements`, bufOvfl: false, confRev: 1,
          entry: { timeOfEntry: t, entryData },
        },
      },
    },
  };
}

/** Runs fn repeatedly for about `ms` milliseconds and returns calls per second. */
function rate(fn: () => number, ms = 1000): number {
  let sink = 0;
  for (let i = 0; i < 200; i++) sink += fn(); // warm-up
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 100; i++) sink += fn();
    n += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink === -1) console.log('unreachable');
  return (n * 1e9) / Number(elapsed);
}

const fmt = (x: number): string => `${Math.round(x).toLocaleString('en-US')}`.padStart(9);

export async function runCodecBench(): Promise<void> {
  const pdu = measurementReport();
  const text = encodePdu(pdu);
  const plain: unknown = JSON.parse(text);
  const check = decodePdu(text);
  if (!check.ok) throw new Error(`benchmark report does not decode: ${check.error.message}`);

  const encode = rate(() => encodePdu(pdu).length);
  const stringify = rate(() => JSON.stringify(plain).length);
  const decode = rate(() => (decodePdu(text).ok ? 1 : 0));
  const parse = rate(() => (JSON.parse(text) === null ? 0 : 1));

  console.log(`codec bench: measurement report, ${MEASUREMENTS.length} entryData items, ${text.length} bytes of JER`);
  console.log(`  encodePdu        ${fmt(encode)} reports/s   (${((encode * text.length) / 1e6).toFixed(1)} MB/s)`);
  console.log(`  JSON.stringify   ${fmt(stringify)} reports/s   baseline, same JSON (no validation, "50" not "50.0")`);
  console.log(`  decodePdu        ${fmt(decode)} reports/s   (${((decode * text.length) / 1e6).toFixed(1)} MB/s)`);
  console.log(`  JSON.parse       ${fmt(parse)} reports/s   baseline, same text (no validation)`);
  console.log(`  ratio            encode ${(encode / stringify).toFixed(2)}x of stringify, decode ${(decode / parse).toFixed(2)}x of parse`);
  await Promise.resolve();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCodecBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
