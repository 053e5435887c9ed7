// Audit records: who did what to what, when, and with which outcome; append-only, each chained to
// the previous one by SHA-256 so that any change, removal or reordering shows.
//
// Canonical serialisation (the bytes that are hashed), documented so another implementation can
// check the chain:
//   - JSON without any whitespace, UTF-8;
//   - object keys sorted by UTF-16 code unit order (JavaScript's default sort), recursively;
//   - properties whose value is undefined are left out; arrays keep their order;
//   - a Date is its ISO 8601 string in UTC with milliseconds (toISOString);
//   - numbers as JSON.stringify writes them; NaN and ±Infinity are refused;
//   - the hashed object is { seq, at, actorId, actorRole, action, target, outcome, details,
//     prevHash } — every field of the record except `hash` itself.
// hash = lowercase hex SHA-256 of that string. The first record's prevHash is 64 zeros.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: Date;
  /** The user id, or the automation's name. */
  actorId: string;
  /** admin | operator | viewer | cpo | automation. */
  actorRole: string;
  /** e.g. command.requested, command.transition, bulk.approved, limit.planned. */
  action: string;
  /** What it concerns, e.g. chargePoint:CP0001, command:c-17, node:F1. */
  target: string;
  /** e.g. accepted, refused, verified, notVerified. */
  outcome: string;
  details: Record<string, unknown>;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

function canonicalValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`The audit trail cannot hold the number ${value}.`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalValue(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalValue(v)}`).join(',')}}`;
  }
  throw new TypeError(`The audit trail cannot hold a ${typeof value}.`);
}

/** The canonical serialisation described above. */
export function canonicalJson(value: unknown): string {
  return canonicalValue(value);
}

/** The hash of a record: SHA-256 over the canonical form of every field but `hash`. */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  const { seq, at, actorId, actorRole, action, target, outcome, details, prevHash } = record;
  const canonical = canonicalJson({ seq, at, actorId, actorRole, action, target, outcome, details, prevHash });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The record that follows `previous` (or starts the chain). */
export function chainRecord(entry: AuditEntry, previous: Pick<AuditRecord, 'seq' | 'hash'> | undefined): AuditRecord {
  const unhashed = { ...entry, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: hashRecord(unhashed) };
}
