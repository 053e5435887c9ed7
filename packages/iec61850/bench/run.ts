// `npm run bench -w @dso/iec61850`: the codec benchmark, then the association latency benchmark.
import { runLatencyBench } from './latency-bench.js';

interface CodecBench {
  runCodecBench?: () => Promise<void>;
}

async function main(): Promise<void> {
  try {
    const codec = (await import('./codec-bench.js')) as CodecBench;
    if (codec.runCodecBench) await codec.runCodecBench();
    else console.log('codec bench: runCodecBench() not found, skipped');
  } catch (error) {
    console.log(`codec bench: not available (${String(error)}), skipped`);
  }
  console.log('');
  await runLatencyBench();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
