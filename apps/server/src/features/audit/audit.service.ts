// The audit trail as a service of (deps, input): append (serialised, so two appends never chain to
// the same record), list, verify and export.
import type { AuditEntry, AuditRecord } from './audit-record.js';
import { chainRecord } from './audit-record.js';
import { verifyChain, type ChainVerdict } from './audit-chain.js';
import { exportAuditCsv } from './audit-csv.js';
import type { AuditQuery, AuditStore } from './audit-store.js';

export interface AuditTrail {
  append(entry: AuditEntry): Promise<AuditRecord>;
  list(query?: AuditQuery): Promise<AuditRecord[]>;
  verify(): Promise<ChainVerdict>;
  exportCsv(query?: AuditQuery): Promise<string>;
}

export function createAuditTrail(store: AuditStore): AuditTrail {
  let tail: Promise<unknown> = Promise.resolve();
  const append = (entry: AuditEntry): Promise<AuditRecord> => {
    const next = tail.then(async () => {
      const record = chainRecord(entry, await store.last());
      await store.insert(record);
      return record;
    });
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    append,
    list: (query) => store.list(query),
    verify: async () => verifyChain(await store.list()),
    exportCsv: async (query) => exportAuditCsv(await store.list(query)),
  };
}
