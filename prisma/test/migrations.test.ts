// The two migration histories (SQLite and PostgreSQL) must both produce exactly the schema in
// prisma/schema.prisma, and the PostgreSQL schema must be the generated twin of the SQLite one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runMigrate, repoRoot } from '../migrate.mjs';

const quiet = () => undefined;

describe('migration histories', () => {
  it('keeps prisma/postgres/schema.prisma generated from prisma/schema.prisma', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'prisma/generate.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('SQLite: the migrations produce the schema (no drift)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-mig-'));
    try {
      const r = await runMigrate('diff', ['--from-migrations', '--to-schema', '--exit-code'], { url: `file:${dir}/shadow.db`, log: quiet });
      expect(r.stdout).toMatch(/No difference detected|^$/);
      expect(r.exitCode).toBe(0);
      // and applying them to an empty database leaves nothing pending
      await runMigrate('deploy', [], { url: `file:${dir}/db.db`, log: quiet });
      const status = await runMigrate('status', [], { url: `file:${dir}/db.db`, log: quiet });
      expect(status.exitCode).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same migration names exist for both providers', () => {
    const names = (p: string) => fs.readdirSync(path.join(repoRoot, p), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(names('prisma/postgres/migrations')).toEqual(names('prisma/migrations'));
  });

  const pgUrl = process.env.TEST_POSTGRES_URL;
  if (!pgUrl) console.warn('PostgreSQL migration drift check skipped: set TEST_POSTGRES_URL to run it');
  it.skipIf(!pgUrl)('PostgreSQL: the migrations produce the schema (no drift)', async () => {
    const r = await runMigrate('diff', ['--from-migrations', '--to-schema', '--exit-code'], { url: pgUrl ?? '', log: quiet });
    expect(r.exitCode).toBe(0);
  });
});
