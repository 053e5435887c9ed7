import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashRecord, type AuditEntry, type AuditRecord } from '../src/features/audit/audit-record.js';
import { verifyChain } from '../src/features/audit/audit-chain.js';
import { InMemoryAuditStore } from '../src/features/audit/audit-store.js';
import { createAuditTrail } from '../src/features/audit/audit.service.js';

const entry = (i: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 25, 14, 0, i)),
  actorId: i % 2 ? 'alice' : 'bob',
  actorRole: 'operator',
  action: 'command.transition',
  target: `command:c${i}`,
  outcome: i % 3 ? 'acknowledged' : 'rejected',
  details: { ctlNum: i, importLimitW: 1000 * i },
});

async function trailOf(n: number) {
  const store = new InMemoryAuditStore();
  const trail = createAuditTrail(store);
  for (let i = 1; i <= n; i++) await trail.append(entry(i));
  return { store, trail };
}

describe('canonical serialisation', () => {
  it('sorts keys recursively, drops undefined, writes dates as ISO, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined, B: true }, t: new Date(0) })).toBe('{"a":{"B":true,"d":[1,"x"]},"b":1,"t":"1970-01-01T00:00:00.000Z"}');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrowError(TypeError);
  });

  it('is a stable SHA-256 (golden vector)', () => {
    const record: Omit<AuditRecord, 'hash'> = { ...entry(1), seq: 1, prevHash: GENESIS_HASH };
    const again: Omit<AuditRecord, 'hash'> = { prevHash: GENESIS_HASH, seq: 1, ...entry(1), details: { importLimitW: 1000, ctlNum: 1 } };
    // the same digest as: printf '%s' '<canonical JSON>' | sha256sum
    expect(hashRecord(record)).toBe('49544ba220d002a812ddb477b9b96ae17e21e496444ce121d8d9467bb82f2947');
    expect(hashRecord(again)).toBe(hashRecord(record));
  });
});

describe('audit chain', () => {
  it('appends chained records that verify', async () => {
    const { store, trail } = await trailOf(5);
    expect(store.records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(store.records[0]?.prevHash).toBe(GENESIS_HASH);
    expect(store.records[3]?.prevHash).toBe(store.records[2]?.hash);
    expect(await trail.verify()).toMatchObject({ ok: true, count: 5 });
  });

  it('serialises concurrent appends', async () => {
    const store = new InMemoryAuditStore();
    const trail = createAuditTrail(store);
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => trail.append(entry(i))));
    expect(verifyChain(store.records)).toMatchObject({ ok: true, count: 6 });
  });

  it('detects a tampered record', async () => {
    const { store, trail } = await trailOf(5);
    store.records[2]!.outcome = 'verified';
    expect(await trail.verify()).toMatchObject({ ok: false, index: 2, seq: 3, problem: 'tampered' });
  });

  it('detects a tampered and re-hashed record at the next link', async () => {
    const { store } = await trailOf(5);
    const r = store.records[1]!;
    r.actorId = 'mallory';
    const { hash: _old, ...unhashed } = r;
    r.hash = hashRecord(unhashed);
    expect(verifyChain(store.records)).toMatchObject({ ok: false, seq: 3, problem: 'brokenLink' });
  });

  it('detects a missing record', async () => {
    const { store } = await trailOf(5);
    const records = store.records.filter((r) => r.seq !== 3);
    const v = verifyChain(records);
    expect(v).toMatchObject({ ok: false, index: 2, seq: 4, problem: 'missing' });
    expect(v.ok ? '' : v.message).toBe('record 3 is missing before record 4.');
  });

  it('detects reordered records', async () => {
    const { store } = await trailOf(5);
    const records = [...store.records];
    [records[1], records[2]] = [records[2]!, records[1]!];
    expect(verifyChain(records)).toMatchObject({ ok: false, index: 1, seq: 3, problem: 'reordered' });
  });

  it('detects a removed last-but-rehashed tail only by the anchor (a page verifies from a trusted record)', async () => {
    const { store } = await trailOf(6);
    const anchor = { seq: 3, hash: store.records[2]!.hash };
    expect(verifyChain(store.records.slice(3), anchor)).toMatchObject({ ok: true, count: 3 });
    expect(verifyChain(store.records.slice(4), anchor)).toMatchObject({ ok: false, problem: 'missing' });
  });

  it('the in-memory store refuses a record that does not follow the last', async () => {
    const { store } = await trailOf(2);
    await expect(store.insert({ ...store.records[1]!, seq: 5 })).rejects.toThrow(/does not follow/);
  });
});
