import { describe, expect, it } from 'vitest';
import { csvField, exportAuditCsv, guardFormula } from '../src/features/audit/audit-csv.js';
import { chainRecord } from '../src/features/audit/audit-record.js';

describe('audit CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('guards against formula injection but keeps numbers', () => {
    expect(guardFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(guardFormula('+1+1')).toBe("'+1+1");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('\tcmd')).toBe("'\tcmd");
    expect(guardFormula('-5000')).toBe('-5000');
    expect(guardFormula('-2+3')).toBe("'-2+3");
    expect(csvField('=1,2')).toBe('"\'=1,2"');
  });

  it('exports a header and one CRLF row per record', () => {
    const r1 = chainRecord(
      { at: new Date('2026-11-25T14:00:00.000Z'), actorId: '=evil()', actorRole: 'operator', action: 'command.requested', target: 'chargePoint:CP1', outcome: 'accepted', details: { reason: 'peak, "evening"' } },
      undefined,
    );
    const csv = exportAuditCsv([r1]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('seq,at,actorId,actorRole,action,target,outcome,details,prevHash,hash');
    expect(lines[1]).toBe(`1,2026-11-25T14:00:00.000Z,'=evil(),operator,command.requested,chargePoint:CP1,accepted,"{""reason"":""peak, \\""evening\\""""}",${'0'.repeat(64)},${r1.hash}`);
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });
});
