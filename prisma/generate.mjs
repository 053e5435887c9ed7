#!/usr/bin/env node
// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (provider and output differ,
// nothing else) and runs `prisma generate` for both, without Prisma's native engine: generate
// never runs the schema engine, so PRISMA_SCHEMA_ENGINE_BINARY points at a stub that exits 1.
// `--check` only verifies that the committed PostgreSQL schema matches (used by the tests).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sqliteSchema = path.join(here, 'schema.prisma');
const pgSchema = path.join(here, 'postgres', 'schema.prisma');

export function postgresSchemaText() {
  const text = fs.readFileSync(sqliteSchema, 'utf8');
  const out = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output   = "../apps/server/src/generated/sqlite"', 'output   = "../../apps/server/src/generated/postgres"')
    .replace(
      /^\/\/ Grid Console data model\..*\n(\/\/.*\n)*/m,
      '// GENERATED from prisma/schema.prisma by prisma/generate.mjs: edit that file, not this one.\n',
    );
  if (out === text || !out.includes('"postgresql"') || !out.includes('generated/postgres')) {
    throw new Error('prisma/generate.mjs: could not derive the PostgreSQL schema; check the generator/datasource blocks');
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = postgresSchemaText();
  if (process.argv.includes('--check')) {
    const actual = fs.existsSync(pgSchema) ? fs.readFileSync(pgSchema, 'utf8') : '';
    if (actual !== expected) {
      console.error('prisma/postgres/schema.prisma is out of date: run `node prisma/generate.mjs`');
      process.exit(1);
    }
    process.exit(0);
  }
  fs.mkdirSync(path.dirname(pgSchema), { recursive: true });
  fs.writeFileSync(pgSchema, expected);
  const stub = path.join(here, 'no-schema-engine.sh');
  const prismaBin = path.join(here, '..', 'node_modules', 'prisma', 'build', 'index.js');
  for (const schema of [sqliteSchema, pgSchema]) {
    const r = spawnSync(process.execPath, [prismaBin, 'generate', '--schema', schema], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', DATABASE_URL: process.env.DATABASE_URL ?? 'file:./data/grid-console.db' },
      cwd: path.join(here, '..'),
    });
    if (r.status !== 0) {
      console.error(`prisma generate failed for ${path.relative(process.cwd(), schema)}`);
      process.exit(r.status ?? 1);
    }
  }
}
