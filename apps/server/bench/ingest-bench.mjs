// Sustained ingest benchmark. Usage (from the repository root):
//   npx tsx --conditions=source apps/server/bench/ingest-bench.mjs [--fleet 50] [--seconds 10] [--rate 10] [--postgres]
// --postgres uses TEST_POSTGRES_URL (a role that may CREATE DATABASE). Prints one JSON line of figures.
// (A thin .mjs entry run by tsx: the typed code is src/testing/ingest-bench.ts.)
import { runIngestBench } from '../src/testing/ingest-bench.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

const provider = process.argv.includes('--postgres') ? 'postgresql' : 'sqlite';
if (provider === 'postgresql' && !process.env.TEST_POSTGRES_URL) {
  process.stderr.write('Set TEST_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres for --postgres\n');
  process.exit(1);
}

const result = await runIngestBench({ fleet: arg('fleet', 50), seconds: arg('seconds', 10), ratePerDevice: arg('rate', 10), provider });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
