// Property: whatever the interleaving of new entries, deliveries and reconnects (resume after the
// last received EntryID), a consumer sees strictly increasing EntryIDs (no duplicates), and a gap
// in the numbering is flagged with bufOvfl exactly when it happens.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigIntFromEntryId, entryIdFromBigInt, timeStampFromDate } from '../../src/pdu/index.js';
import { ReportBuffer } from '../../src/server/reports/report-buffer.js';

type Op = { kind: 'push'; n: number } | { kind: 'deliver'; max: number } | { kind: 'reconnect' } | { kind: 'purge' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('push' as const), n: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), max: fc.integer({ min: 0, max: 15 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reconnect' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const) }) },
);

describe('BRCB buffer properties', () => {
  it('no duplicates, increasing EntryIDs, bufOvfl iff a gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
        const buffer = new ReportBuffer(capacity);
        const t = timeStampFromDate(0);
        let last = 0n; // last EntryID the consumer received (and committed)
        let purgedUpTo = 0n; // entries removed on purpose are not a loss
        let issued = 0n;
        for (const o of ops) {
          if (o.kind === 'push') {
            for (let i = 0; i < o.n; i++) buffer.push(t, []);
            issued += BigInt(o.n);
          } else if (o.kind === 'purge') {
            buffer.purge();
            purgedUpTo = issued;
          } else if (o.kind === 'reconnect') {
            expect(buffer.resumeAfter(entryIdFromBigInt(last))).toBe(true);
          } else {
            for (let i = 0; i < o.max; i++) {
              const next = buffer.next();
              if (!next) break;
              const id = bigIntFromEntryId(next.entry.entryID);
              expect(id > last).toBe(true);
              const expectedNext = last >= purgedUpTo ? last + 1n : purgedUpTo + 1n;
              expect(next.bufOvfl).toBe(id !== expectedNext);
              buffer.markDelivered(next.entry);
              last = id;
            }
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
