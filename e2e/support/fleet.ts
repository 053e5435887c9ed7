// The simulated fleet for live specs: the simulator CLI (as `npm start` runs it) against the e2e
// server, with its loopback control API. Started by the spec that needs it, stopped by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The demo fleet file the server's seed writes next to the SQLite file. */
function fleetFile(): string {
  const url = process.env.E2E_DATABASE_URL ?? '';
  if (!url.startsWith('file:')) throw new Error('E2E_DATABASE_URL must be a file: URL (set by e2e/playwright.config.ts)');
  return path.join(path.dirname(url.slice('file:'.length)), 'demo-fleet.json');
}

export interface SimFleet {
  control: (method: 'GET' | 'POST', route: string, body?: unknown) => Promise<{ status: number; json: unknown }>;
  stop: () => Promise<void>;
}

/** Starts the simulator on the demo fleet, or on `file` (a fleet file of the same shape). */
export async function startFleet(file: string = fleetFile()): Promise<SimFleet> {
  const port = await freePort();
  const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
  const args = [tsx, '--conditions=source', path.join(repoRoot, 'apps/simulator/src/cli.ts'), '--server', `ws://127.0.0.1:${process.env.E2E_PORT}`, '--fleet', file, '--control-port', String(port), '--quiet'];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  const base = `http://127.0.0.1:${port}`;
  const control: SimFleet['control'] = async (method, route, body) => {
    const res = await fetch(base + route, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  // wait (bounded) until every access point is connected
  for (let attempt = 0; attempt < 120; attempt++) {
    if (child.exitCode !== null) throw new Error(`the simulator exited (${child.exitCode}): ${stderr}`);
    try {
      const { json } = await control('GET', '/state');
      const s = json as { accessPoints: number; connected: number };
      if (s.accessPoints > 0 && s.connected === s.accessPoints) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  };
  return { control, stop };
}
