// The real server (src/main.ts) as a child process on a given database, for crash tests
// (kill -9 during ingest). Resolves once it prints its address.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../env.js';

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  wsUrl: string;
  /** SIGKILL, then wait for the exit. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function startServerProcess(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  // tsx as a loader in this very process (its CLI would fork a grandchild that SIGKILL misses)
  const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const main = path.join(repoRoot, 'apps/server/src/main.ts');
  const child = spawn(process.execPath, ['--import', loader, '--conditions=source', main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'warn', LOG_PRETTY: 'false', SEED_DEMO: 'false', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}\n${err}`)), 30_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      const port = Number(m[1]);
      resolve({ child, port, wsUrl: `ws://127.0.0.1:${port}`, kill9: () => signal('SIGKILL'), stop: () => signal('SIGTERM') });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)} before listening:\n${out}\n${err}`));
    });
  });
}
