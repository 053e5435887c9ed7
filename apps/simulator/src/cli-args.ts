// Command-line arguments of `simulate`, checked up front: a problem gives one UsageError naming it.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliArgs {
  server: string;
  fleetFile: string | undefined;
  public: number;
  residential: number;
  seed: number;
  token: string | undefined;
  intervalMs: number;
  controlPort: number | undefined;
  scenario: string | undefined;
  durationS: number | undefined;
  quiet: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run simulate -- [options]
  --server <ws-url>       DSO server (default ws://localhost:3000; the /rti/<accessPoint> path is added)
  --fleet <file>          fleet file (e.g. data/demo-fleet.json written by the server's seed)
  --public <n>            generate n public charge points (default 40 without --fleet)
  --residential <n>       generate n residential charge points behind GW-HOMEWATT (default 100; 250 per gateway)
  --token <token>         provisioning token every generated access point presents
  --seed <n>              seed of the behaviour (default 42)
  --interval <ms>         measurement/physics step (default 1000)
  --control-port <port>   loopback HTTP control API on 127.0.0.1:<port>
  --scenario <file>       run one scenario file standalone (own DSO on 127.0.0.1) and exit 0/1
  --duration <s>          stop after s seconds
  --quiet                 no progress line
  --help`;

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`--${name} must be within ${min}..${max}, got ${n}`);
  return n;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        server: { type: 'string' }, fleet: { type: 'string' }, public: { type: 'string' }, residential: { type: 'string' },
        token: { type: 'string' }, seed: { type: 'string' }, interval: { type: 'string' }, 'control-port': { type: 'string' },
        scenario: { type: 'string' }, duration: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const server = values.server ?? 'ws://localhost:3000';
  if (!/^wss?:\/\/[^/\s]+/.test(server)) throw new UsageError(`--server must be a ws:// or wss:// URL, got "${server}"`);
  if (values.fleet !== undefined && (values.public !== undefined || values.residential !== undefined)) {
    throw new UsageError('--fleet cannot be combined with --public/--residential');
  }
  const generated = values.fleet === undefined;
  const args: CliArgs = {
    server,
    fleetFile: values.fleet,
    public: integer('public', values.public, generated ? 40 : 0, 0, 20_000),
    residential: integer('residential', values.residential, generated ? 100 : 0, 0, 20_000),
    seed: integer('seed', values.seed, 42, 0, 2 ** 32 - 1),
    token: values.token,
    intervalMs: integer('interval', values.interval, 1000, 100, 60_000),
    controlPort: values['control-port'] === undefined ? undefined : integer('control-port', values['control-port'], 0, 0, 65_535),
    scenario: values.scenario,
    durationS: values.duration === undefined ? undefined : integer('duration', values.duration, 0, 1, 7 * 86_400),
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
  if (generated && args.public + args.residential === 0) throw new UsageError('nothing to simulate: --public and --residential are both 0');
  return args;
}
