#!/usr/bin/env node
// `npm start`: migrate the database (the embedded SQLite file by default), build the web app when
// its sources changed, run the server (which seeds an empty database and prints the URL and the
// demo logins), and — unless GRID_SIMULATOR=off — the simulated demo fleet, which dials in to the
// server over IEC 61850 as real charge points would. `npm run dev` does the same with the server
// restarting on change and Vite's dev server for the web app.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DATABASE_URL, describeMigrateError, runMigrate, sqliteFilePath } from '../prisma/migrate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const fail = (msg) => {
  console.error(msg);
  process.exit(1);
};

function checkSqlitePath() {
  const file = sqliteFilePath(url);
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    fail(`Cannot write the database file ${file} (${e.code ?? e.message}): make the folder writable or set DATABASE_URL=file:<writable path>.`);
  }
}

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

function buildWebIfStale() {
  const web = path.join(root, 'apps/web');
  const built = path.join(web, 'dist/index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', '../../public'].map((p) => newestMtime(path.join(web, p)));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.error('building the web app (vite build)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
  if (r.status !== 0) fail('The web app did not build: see the errors above.');
}

if (url.startsWith('file:')) checkSqlitePath();
try {
  await runMigrate('deploy', [], { url });
} catch (e) {
  fail(`${describeMigrateError(e)}\nCheck DATABASE_URL (${url.replace(/\/\/[^@]*@/, '//***@')}).`);
}

const children = [];
/** Runs a child; when an essential one ends, the others are stopped and start.mjs exits with its code. */
const run = (args, { essential = true, ...opts } = {}) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url }, cwd: root, ...opts });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!essential) {
      if (code) console.error(`the simulator stopped (exit ${code}); the server keeps running`);
      return;
    }
    for (const c of children) if (c !== child && c.exitCode === null) c.kill('SIGTERM');
    process.exit(code ?? (signal ? 1 : 0));
  });
  return child;
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => children.forEach((c) => c.kill(sig)));

/** Where the server's seed writes the demo fleet: next to the SQLite file, or under data/. */
const fleetFile = url.startsWith('file:') ? path.join(path.dirname(sqliteFilePath(url)), 'demo-fleet.json') : path.join(root, 'data/demo-fleet.json');

async function waitForHealth(port) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function startSimulator(port) {
  const mode = (process.env.GRID_SIMULATOR ?? 'on').toLowerCase();
  if (['off', 'false', '0', 'no'].includes(mode)) return;
  if (!(await waitForHealth(port))) return console.error('simulator not started: the server did not become healthy');
  if (!fs.existsSync(fleetFile)) {
    return console.error(`simulator not started: no fleet file at ${fleetFile} (it is written when the demo grid is seeded; set SEED_DEMO=true on an empty database)`);
  }
  const shown = fleetFile.startsWith(root + path.sep) ? path.relative(root, fleetFile) : fleetFile;
  console.error(`starting the simulated demo fleet (${shown}); GRID_SIMULATOR=off to run without it`);
  const args = [tsx, '--conditions=source', path.join(root, 'apps/simulator/src/cli.ts'), '--server', `ws://127.0.0.1:${port}`, '--fleet', fleetFile];
  if (!process.stdout.isTTY) args.push('--quiet');
  run(args, { essential: false });
}

const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const main = path.join(root, 'apps/server/src/main.ts');
const port = process.env.PORT ?? '3000';
if (dev) {
  run([tsx, 'watch', '--conditions=source', main], { env: { ...process.env, DATABASE_URL: url, PORT: port } });
  run([path.join(root, 'node_modules/vite/bin/vite.js')], { cwd: path.join(root, 'apps/web') });
} else {
  buildWebIfStale();
  run([tsx, '--conditions=source', main]);
}
if (port !== '0') await startSimulator(port);
