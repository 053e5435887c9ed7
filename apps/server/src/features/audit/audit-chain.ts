// verifyChain: walks the records in order and reports the first one that breaks the chain.
import { GENESIS_HASH, hashRecord, type AuditRecord } from './audit-record.js';

export type ChainProblem = 'tampered' | 'missing' | 'reordered' | 'brokenLink';

export type ChainVerdict =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; index: number; seq: number; problem: ChainProblem; message: string };

/** Where verification starts: the chain's beginning, or a trusted record (for paging). */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

function seqProblem(records: readonly AuditRecord[], index: number, expected: number): ChainVerdict | undefined {
  const record = records[index];
  if (!record || record.seq === expected) return undefined;
  const laterIndex = records.findIndex((r, i) => i > index && r.seq === expected);
  if (laterIndex >= 0) {
    return { ok: false, index, seq: record.seq, problem: 'reordered', message: `Record ${record.seq} stands where record ${expected} should be; record ${expected} comes later (position ${laterIndex + 1}): the trail was reordered.` };
  }
  if (record.seq > expected) {
    const gap = record.seq - 1 === expected ? `record ${expected} is` : `records ${expected}–${record.seq - 1} are`;
    return { ok: false, index, seq: record.seq, problem: 'missing', message: `${gap} missing before record ${record.seq}.` };
  }
  return { ok: false, index, seq: record.seq, problem: 'reordered', message: `Record ${record.seq} appears again or out of order where record ${expected} should be.` };
}

/**
 * Checks order (seq = 1, 2, 3… after the anchor), links (each prevHash = the previous hash) and
 * content (each hash recomputed). Reports the first problem found.
 */
export function verifyChain(records: readonly AuditRecord[], anchor: ChainAnchor = { seq: 0, hash: GENESIS_HASH }): ChainVerdict {
  let prevHash = anchor.hash;
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    if (!record) break;
    const expected = anchor.seq + index + 1;
    const order = seqProblem(records, index, expected);
    if (order) return order;
    const { hash, ...unhashed } = record;
    if (hashRecord(unhashed) !== hash) {
      return { ok: false, index, seq: record.seq, problem: 'tampered', message: `Record ${record.seq} was changed after it was written (its hash does not match its content).` };
    }
    if (record.prevHash !== prevHash) {
      return { ok: false, index, seq: record.seq, problem: 'brokenLink', message: `Record ${record.seq} does not follow the record before it: that one was changed and re-hashed, or replaced.` };
    }
    prevHash = hash;
  }
  return { ok: true, count: records.length, lastHash: prevHash };
}
