// Events for the API: times as epoch ms numbers, details parsed from their JSON text.
import type { Db } from '../../db/client.js';
import type { CpoScope } from '../auth/roles.js';
import * as repo from './events.repository.js';

export async function listEvents(db: Db, scope: CpoScope, filter: repo.EventFilter) {
  const rows = await repo.listEvents(db, scope, filter);
  return {
    items: rows.map((r) => ({ ...r, atMs: Number(r.atMs), receivedAtMs: Number(r.receivedAtMs), details: parseDetails(r.details) })),
  };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
