#!/usr/bin/env node
// `npm run test:e2e`: find a Chromium (CHROMIUM_PATH, else Debian's /usr/bin/chromium, else install
// Debian's package when running as root with apt), pick a free port and a fresh SQLite file, run the
// Playwright specs against the real server, and print how many e2e tests ran and passed.
// Extra arguments go to `playwright test` (e.g. a spec name or `--grep`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(e2eDir, '..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const stop = (sentence) => {
  console.error(sentence);
  process.exit(1);
};

const isExecutable = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

const hasAptGet = () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;

function installChromium() {
  console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get, about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0)
      stop(
        `"apt-get ${args.join(' ')}" failed: install Chromium yourself (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
      );
  }
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    stop(
      `CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file: point it at a Chromium binary or unset it to use ${DEBIAN_CHROMIUM}.`,
    );
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (process.getuid?.() === 0 && hasAptGet()) {
    installChromium();
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  stop(
    `No Chromium for the end-to-end tests: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readStats(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? null;
  } catch {
    return null;
  }
}

const chromium = findChromium();
const port = await freePort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'grid-console-e2e-'));
const resultsFile = path.join(e2eDir, 'artifacts', 'results.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const result = spawnSync(
  npx,
  ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json', ...process.argv.slice(2)],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROMIUM_PATH: chromium,
      E2E_PORT: String(port),
      E2E_DATABASE_URL: `file:${path.join(tmp, 'e2e.db')}`,
      PLAYWRIGHT_JSON_OUTPUT_NAME: resultsFile,
    },
  },
);
fs.rmSync(tmp, { recursive: true, force: true });

const stats = readStats(resultsFile);
if (stats) {
  const ran = stats.expected + stats.unexpected + stats.flaky;
  const failed = stats.unexpected ? `, ${stats.unexpected} failed` : '';
  const flaky = stats.flaky ? `, ${stats.flaky} flaky` : '';
  const skipped = stats.skipped ? `, ${stats.skipped} skipped` : '';
  console.log(
    `\nE2E (Playwright, Chromium ${chromium}): ${ran} ${ran === 1 ? 'test' : 'tests'} ran, ${stats.expected} passed${failed}${flaky}${skipped}.`,
  );
} else {
  console.log('\nE2E: Playwright produced no results (see the output above).');
}
process.exit(result.status ?? 1);
