import type { Db } from '../../db/client.js';

export async function listOrganisations(db: Db) {
  const rows = await db.organisation.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } });
  return rows.map((o) => ({ ...o, kind: o.kind as 'dso' | 'cpo' }));
}
