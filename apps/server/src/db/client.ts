// Opens the database named by DATABASE_URL: the embedded SQLite file by default, PostgreSQL when
// the URL says so. Both clients are generated from the same models (prisma/schema.prisma and its
// generated PostgreSQL twin), so the SQLite client's type serves as the one `Db` type.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgres/client.js';
import { repoRoot } from '../env.js';

export type Db = SqliteClient;
export type DbProvider = 'sqlite' | 'postgresql';

export interface Database {
  db: Db;
  provider: DbProvider;
  /** Human-readable location without credentials, for logs. */
  location: string;
  close(): Promise<void>;
}

export class DatabaseError extends Error {}

export function sqliteFileFromUrl(url: string): string {
  return path.resolve(repoRoot, url.slice('file:'.length).split('?')[0] ?? '');
}

/** Checks that the SQLite file's folder exists or can be made, and is writable. */
function prepareSqliteFile(file: string): void {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : String(e);
    throw new DatabaseError(
      `Cannot use the database file ${file} (${reason}): make its folder writable or set DATABASE_URL=file:<writable path>`,
    );
  }
}

/**
 * SQLite settings for the ingest hot path: write-ahead log (readers do not block the writer) and
 * synchronous=NORMAL (a commit survives a process crash — kill -9 — and the WAL keeps every
 * transaction atomic; an OS crash or power cut may lose the last commits, and with them their
 * EntryIDs, so the device simply resends those entries). Without it each commit costs an fsync.
 */
export async function tuneDatabase(database: Pick<Database, 'db' | 'provider'>): Promise<void> {
  if (database.provider !== 'sqlite') return;
  await database.db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await database.db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  // the ingest writer has its own connection to the file: wait for the write lock, do not fail
  await database.db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
}

export function openDatabase(url: string): Database {
  if (url.startsWith('file:')) {
    const file = sqliteFileFromUrl(url);
    prepareSqliteFile(file);
    const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
    return { db, provider: 'sqlite', location: file, close: () => db.$disconnect() };
  }
  const u = new URL(url);
  const pg = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
  return {
    db: pg as unknown as Db,
    provider: 'postgresql',
    location: `postgresql://${u.hostname}:${u.port || 5432}${u.pathname}`,
    close: () => pg.$disconnect(),
  };
}
