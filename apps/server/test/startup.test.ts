// Start-up refuses bad configuration with one clear line, not a stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv, EnvError, repoRoot } from '../src/env.js';
import { openDatabase, DatabaseError } from '../src/db/client.js';

describe('configuration', () => {
  it('takes the defaults for an empty environment', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: 'file:./data/grid-console.db', SEED_DEMO: true, TRUST_PROXY_TLS: false });
  });

  it('names every bad setting and what it must be', () => {
    let message = '';
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    expect(message).toContain('PORT: must be a port number (got "eighty")');
    expect(message).toContain('DATABASE_URL: must be file:<path> (SQLite) or postgres://');
    expect(message).toContain('SEED_DEMO: must be true/false');
  });

  it('refuses a database file in a folder it cannot create, with what to do', () => {
    expect(() => openDatabase('file:/etc/hostname/no-such-dir/grid.db')).toThrow(DatabaseError);
    expect(() => openDatabase('file:/etc/hostname/no-such-dir/grid.db')).toThrow(/set DATABASE_URL=file:<writable path>/);
  });

  it('npm start stops with one line when the database path is unusable', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/start.mjs')], {
      env: { ...process.env, DATABASE_URL: 'file:/etc/hostname/no-such-dir/grid.db' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^Cannot write the database file \/etc\/hostname\/no-such-dir\/grid\.db .*DATABASE_URL=file:<writable path>/);
  });
});
