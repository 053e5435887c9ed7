#!/usr/bin/env node
// The project's migration command: Prisma Migrate without the native schema-engine binary.
// It drives @prisma/schema-engine-wasm (the engine whose hash matches prisma 7.10.0) through a
// driver adapter, with the standard migration folders and `_prisma_migrations` table.
// Adapted from the tested runner in shared/tools/prisma-wasm-migrate.mjs; the five engine/adapter
// work-arounds are kept and commented where they apply.
//
// The database comes from DATABASE_URL (default: the embedded SQLite file data/grid-console.db).
// A `file:` URL uses prisma/schema.prisma + prisma/migrations; a postgres URL uses
// prisma/postgres/schema.prisma + prisma/postgres/migrations.
//
// usage: node prisma/migrate.mjs deploy | status | dev [--name n] [--create-only] [--accept-data-loss]
//        | diff --from-{empty|migrations|db} --to-{schema|db} [--script] [--exit-code]
//        | reset --force | resolve --applied|--rolled-back <name>
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const DEFAULT_DATABASE_URL = 'file:./data/grid-console.db';

class UsageError extends Error {}

/** Which schema and migration history belong to a database URL. */
export function layoutFor(url) {
  if (url.startsWith('file:')) {
    return { provider: 'sqlite', schemaPath: path.join(here, 'schema.prisma'), migrationsDir: path.join(here, 'migrations') };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const dir = path.join(here, 'postgres');
    return { provider: 'postgresql', schemaPath: path.join(dir, 'schema.prisma'), migrationsDir: path.join(dir, 'migrations') };
  }
  throw new UsageError(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${url.slice(0, 40)}"`);
}

/** Absolute SQLite file path of a file: URL (relative paths are relative to the repository root). */
export function sqliteFilePath(url) {
  return path.resolve(repoRoot, url.slice('file:'.length).split('?')[0]);
}

async function makeAdapter(url, { resetSqlite }) {
  if (url.startsWith('file:')) {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    const file = sqliteFilePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // engine.reset() over this adapter only DELETEs rows -> `reset` deletes the file instead
    if (resetSqlite) for (const x of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + x, { force: true });
    return { factory: new PrismaBetterSqlite3({ url: `file:${file}` }), sqliteFile: file };
  }
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { default: pg } = await import('pg');
  const u = new URL(url);
  const schemaParam = u.searchParams.get('schema');
  const pgOpts = { disposeExternalPool: true, ...(schemaParam ? { schema: schemaParam } : {}) };
  // adapter-pg 7.10.0 rejects pg's internal "char" type (OID 18, in pg_catalog columns the
  // engine introspects): report it as text (25). Discrete fields, not connectionString.
  const fixChar = (res) => {
    for (const f of res?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return res;
  };
  const pool = (x) => {
    const p = new pg.Pool({
      host: x.hostname,
      port: Number(x.port || 5432),
      database: decodeURIComponent(x.pathname.slice(1)),
      user: decodeURIComponent(x.username),
      password: decodeURIComponent(x.password),
    });
    p.on('connect', (c) => {
      const q = c.query;
      c.query = function (...a) {
        const i = a.findIndex((v) => typeof v === 'function');
        if (i >= 0) {
          const cb = a[i];
          a[i] = (e, r) => cb(e, e ? r : fixChar(r));
          return q.apply(this, a);
        }
        const r = q.apply(this, a);
        return r?.then ? r.then(fixChar) : r;
      };
    });
    return p;
  };
  const factory = new PrismaPg(pool(u), pgOpts);
  // PrismaPg.connectToShadowDb() 7.10.0 drops the shadow DB before closing its pool
  // ("database ... is being accessed by other users"): re-implemented (close, then drop).
  const shadowUrl = process.env.SHADOW_DATABASE_URL;
  factory.connectToShadowDb = async () => {
    if (shadowUrl) return new PrismaPg(pool(new URL(shadowUrl)), pgOpts).connect();
    const admin = await new PrismaPg(pool(u), pgOpts).connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const s = new URL(u);
    s.pathname = '/' + name;
    const shadow = await new PrismaPg(pool(s), pgOpts).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      try {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await admin.dispose();
      }
    };
    return shadow;
  };
  return { factory };
}

// The SQLite connector replays migrations on the shadow DB via executeRaw, which
// better-sqlite3 rejects ("more than one statement"): fall back to executeScript.
const shim = (conn) =>
  new Proxy(conn, {
    get(t, k) {
      if (k === 'executeRaw')
        return async (q) => {
          try {
            return await t.executeRaw(q);
          } catch (e) {
            if (q.args.length || !/more than one statement/.test(e.message)) throw e;
            await t.executeScript(q.sql);
            return 0;
          }
        };
      return typeof t[k] === 'function' ? t[k].bind(t) : t[k];
    },
  });

// The wasm module is instantiated once per process: its JS glue caches views of the wasm memory,
// so a second instantiation (SQLite, then PostgreSQL, in one test run) would corrupt them.
let wasmGlue;
function loadWasmGlue() {
  wasmGlue ??= (async () => {
    // instantiate by hand: no --experimental-wasm-modules needed
    const bgUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = await import(bgUrl);
    const bytes = fs.readFileSync(fileURLToPath(new URL('./schema_engine_bg.wasm', bgUrl)));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    const wasmVer = JSON.parse(fs.readFileSync(fileURLToPath(new URL('./package.json', bgUrl)), 'utf8')).version;
    const evPath = path.join(repoRoot, 'node_modules/@prisma/engines-version/package.json');
    const cliHash = fs.existsSync(evPath) ? JSON.parse(fs.readFileSync(evPath, 'utf8')).prisma?.enginesVersion : undefined;
    if (cliHash && !wasmVer.endsWith(cliHash)) console.warn(`warning: schema-engine-wasm ${wasmVer} != CLI engines ${cliHash}`);
    return bg;
  })();
  return wasmGlue;
}

async function loadEngine(files, factory) {
  const bg = await loadWasmGlue();
  const debug = process.env.DEBUG ? (m) => console.error('[schema-engine]', m) : () => {};
  return bg.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, debug, factory);
}

function migrationsList(migrationsDir, dirs) {
  // same shape as the CLI's listMigrations()
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  dirs ??= fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
    migrationDirectories: dirs.map((name) => {
      let content;
      try {
        content = { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') };
      } catch (e) {
        content = { tag: 'error', value: String(e) };
      }
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  };
}

/**
 * Runs one migration command. Returns { exitCode, stdout } instead of exiting, so the start
 * script and the tests can call it in-process. `log` receives progress lines.
 */
export async function runMigrate(cmd, args = [], { url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, log = console.error } = {}) {
  const flag = (n) => args.includes(n);
  const opt = (n) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
  const { schemaPath, migrationsDir } = layoutFor(url);
  const files = [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }];
  const schema = { files };
  const filters = { externalTables: [], externalEnums: [] };
  const { factory: raw } = await makeAdapter(url, { resetSqlite: cmd === 'reset' && flag('--force') });
  // The engine does not close the connections it opens: track and dispose them, or an in-process
  // caller (the start script, the tests) finds the SQLite file locked afterwards.
  const opened = [];
  const track = (conn) => (opened.push(conn), shim(conn));
  const factory = bindMigrationAwareSqlAdapterFactory({
    adapterName: raw.adapterName,
    provider: raw.provider,
    connect: async () => track(await raw.connect()),
    connectToShadowDb: async () => track(await raw.connectToShadowDb()),
  });
  const migrations = (dirs) => migrationsList(migrationsDir, dirs);
  let engine;
  let stdout = '';
  let exitCode = 0;
  const apply = async () => (await engine.applyMigrations({ migrationsList: migrations(), filters })).appliedMigrationNames;
  // diagnose/devDiagnostic fail with P1014 if _prisma_migrations is missing (adapter's TableDoesNotExist
  // is not mapped); applying an empty list lets the engine create it with its own DDL.
  const ensureTable = () => engine.applyMigrations({ migrationsList: migrations([]), filters });
  try {
    engine = await loadEngine(files, factory);
    log(`migrate ${cmd}: ${path.relative(repoRoot, schemaPath)}, ${factory.provider} via ${factory.adapterName}`);
    if (cmd === 'diff') {
      const t = (s) =>
        flag(`--${s}-empty`)
          ? { tag: 'empty' }
          : flag(`--${s}-schema`)
            ? { tag: 'schemaDatamodel', ...schema }
            : flag(`--${s}-migrations`)
              ? { tag: 'migrations', ...migrations() }
              : flag(`--${s}-db`)
                ? { tag: 'schemaDatasource', ...schema, configDir: repoRoot }
                : (() => {
                    throw new UsageError(`diff: give --${s}-empty|migrations|db|schema`);
                  })();
      const r = await engine.diff({ from: t('from'), to: t('to'), script: flag('--script'), exitCode: flag('--exit-code'), filters });
      stdout = r.stdout ?? '';
      exitCode = r.exitCode;
    } else if (cmd === 'deploy') {
      const a = await apply();
      log(`${migrations().migrationDirectories.length} migration(s) found; applied ${a.length}${a.length ? ': ' + a.join(', ') : ''}`);
    } else if (cmd === 'status') {
      await ensureTable();
      const r = await engine.diagnoseMigrationHistory({ migrationsList: migrations(), optInToShadowDatabase: false, filters });
      stdout = JSON.stringify(r) + '\n';
      if (r.history || r.failedMigrationNames.length || r.editedMigrationNames.length) exitCode = 1;
    } else if (cmd === 'dev') {
      await ensureTable();
      const d = await engine.devDiagnostic({ migrationsList: migrations(), filters });
      if (d.action.tag === 'reset') throw new UsageError(`${d.action.reason}\n-> needs 'reset --force'`);
      const pending = await apply();
      if (pending.length) log(`applied pending: ${pending.join(', ')}`);
      const loss = await engine.evaluateDataLoss({ migrationsList: migrations(), schema, filters });
      const msgs = (l) => l.map((s) => ' - ' + s.message).join('\n');
      if (loss.unexecutableSteps.length && !flag('--create-only')) throw new UsageError(`Unexecutable:\n${msgs(loss.unexecutableSteps)}`);
      if (loss.warnings.length && !flag('--accept-data-loss')) throw new UsageError(`Data loss (use --accept-data-loss):\n${msgs(loss.warnings)}`);
      if (!loss.migrationSteps && !flag('--create-only')) {
        log('Already in sync.');
      } else {
        const out = await engine.createMigration({
          migrationName: (opt('--name') ?? 'migration').replace(/\W+/g, '_'),
          draft: flag('--create-only'),
          migrationsList: migrations(),
          schema,
          filters,
        });
        if (out.migrationScript !== null) {
          const dir = path.join(migrationsDir, out.generatedMigrationName);
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(path.join(dir, `migration.${out.extension}`), out.migrationScript);
          fs.writeFileSync(
            path.join(migrationsDir, 'migration_lock.toml'),
            '# Please do not edit this file manually\n' +
              `# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
          );
          log(`created ${path.relative(repoRoot, dir)}`);
          if (!flag('--create-only')) log(`applied: ${(await apply()).join(', ')}`);
        }
      }
    } else if (cmd === 'reset') {
      if (!flag('--force')) throw new UsageError('reset drops all data: pass --force');
      if (!url.startsWith('file:')) await engine.reset({ filter: filters });
      log(`reset; applied: ${(await apply()).join(', ')}`);
    } else if (cmd === 'resolve') {
      if (opt('--applied')) await engine.markMigrationApplied({ migrationName: opt('--applied'), migrationsList: migrations() });
      else if (opt('--rolled-back')) await engine.markMigrationRolledBack({ migrationName: opt('--rolled-back') });
      else throw new UsageError('resolve: --applied|--rolled-back <name>');
    } else {
      throw new UsageError('usage: node prisma/migrate.mjs deploy|status|dev|diff|reset|resolve [flags]');
    }
  } finally {
    engine?.free();
    await Promise.allSettled(opened.map((c) => c.dispose()));
  }
  return { exitCode, stdout };
}

/** A schema-engine error as one line a person can act on. */
export function describeMigrateError(e) {
  if (e instanceof UsageError) return e.message;
  const msg = e?.code ? `${e.code}: ${e.message}` : String(e?.message ?? e);
  return `migration failed: ${msg}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, ...args] = process.argv.slice(2);
  try {
    const { exitCode, stdout } = await runMigrate(cmd, args);
    if (stdout) process.stdout.write(stdout);
    process.exitCode = exitCode;
  } catch (e) {
    console.error(describeMigrateError(e));
    if (process.env.DEBUG && e?.stack) console.error(e.stack);
    process.exitCode = 1;
  }
  process.exit(process.exitCode ?? 0); // pg pools would keep the event loop alive
}
