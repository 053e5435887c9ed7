// Real databases for tests: a fresh SQLite file in a temp folder, or — when TEST_POSTGRES_URL is
// set — a fresh PostgreSQL database created through that URL. Both are migrated with the project's
// migration command and seeded with the demo grid.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { runMigrate } from '../../../../prisma/migrate.mjs';
import { openDatabase, tuneDatabase, type Database, type DbProvider } from '../db/client.js';
import { seedDemo, type SeedResult } from '../seed/demo-seed.js';

export interface TestDatabase extends Database {
  url: string;
  seed: SeedResult;
  destroy(): Promise<void>;
}

/** The providers to run integration suites on: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set. */
export function testProviders(): DbProvider[] {
  return process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
}

const quiet = () => undefined;

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `gc_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    // Dropping a test database is cleanup, not part of any test: FORCE needs pg_signal_backend
    // when other sessions are still attached; without it, wait a moment and drop plainly; a
    // database that still cannot be dropped is reported, not failed on.
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } catch {
        await new Promise((r) => setTimeout(r, 500));
        await c.query(`DROP DATABASE IF EXISTS "${name}"`).catch((e: unknown) => {
          console.warn(`test database ${name} was left behind: ${e instanceof Error ? e.message : String(e)}`);
        });
      } finally {
        await c.end();
      }
    },
  };
}

export async function createTestDatabase(provider: DbProvider = 'sqlite', opts: { seed?: boolean } = {}): Promise<TestDatabase> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (provider === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-test-'));
    url = `file:${path.join(dir, 'test.db')}`;
    cleanup = () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true }));
  } else {
    const created = await createPostgresDatabase();
    url = created.url;
    cleanup = created.drop;
  }
  await runMigrate('deploy', [], { url, log: quiet });
  const database = openDatabase(url);
  await tuneDatabase(database);
  const seed = opts.seed === false ? { seeded: false, deviceTokens: {}, fleet: { accessPoints: [] } } : await seedDemo(database.db);
  return {
    ...database,
    url,
    seed,
    destroy: async () => {
      await database.close();
      await cleanup();
    },
  };
}
