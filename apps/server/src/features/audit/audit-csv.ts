// CSV export of the audit trail: RFC 4180 (CRLF line ends; a field holding a comma, a double
// quote, CR or LF is enclosed in double quotes, inner quotes doubled), with a header row.
// Formula injection guard: a text field starting with =, +, -, @, TAB or CR would be run as a
// formula by spreadsheet programs; it gets a leading apostrophe ('). Plain numbers (e.g. -5000)
// are left as they are: they are data, not formulas.
import type { AuditRecord } from './audit-record.js';
import { canonicalJson } from './audit-record.js';

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actorId', 'actorRole', 'action', 'target', 'outcome', 'details', 'prevHash', 'hash'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  const guarded = guardFormula(text);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function cells(r: AuditRecord): string[] {
  return [String(r.seq), r.at.toISOString(), r.actorId, r.actorRole, r.action, r.target, r.outcome, canonicalJson(r.details), r.prevHash, r.hash];
}

/** The records as one CSV document (header + one row per record, CRLF after every row). */
export function exportAuditCsv(records: readonly AuditRecord[]): string {
  const rows = [AUDIT_CSV_COLUMNS.join(','), ...records.map((r) => cells(r).map(csvField).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}
