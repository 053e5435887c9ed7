// The persistence port of the audit trail, and an in-memory implementation (tests, and until the
// database table exists). A database implementation must make `insert` fail when `seq` is taken
// (unique index), and never update or delete.
import type { AuditRecord } from './audit-record.js';

export interface AuditQuery {
  /** Records with seq ≥ fromSeq. */
  fromSeq?: number;
  limit?: number;
  target?: string;
}

export interface AuditStore {
  last(): Promise<AuditRecord | undefined>;
  insert(record: AuditRecord): Promise<void>;
  list(query?: AuditQuery): Promise<AuditRecord[]>;
}

export class InMemoryAuditStore implements AuditStore {
  /** Exposed for tests that play the attacker. */
  readonly records: AuditRecord[] = [];

  last(): Promise<AuditRecord | undefined> {
    return Promise.resolve(this.records.at(-1));
  }

  insert(record: AuditRecord): Promise<void> {
    const last = this.records.at(-1);
    if ((last?.seq ?? 0) + 1 !== record.seq) return Promise.reject(new Error(`audit seq ${record.seq} does not follow ${last?.seq ?? 0}`));
    this.records.push(structuredClone(record));
    return Promise.resolve();
  }

  list(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const from = query.fromSeq ?? 1;
    const matching = this.records.filter((r) => r.seq >= from && (query.target === undefined || r.target === query.target));
    return Promise.resolve(structuredClone(matching.slice(0, query.limit ?? matching.length)));
  }
}
