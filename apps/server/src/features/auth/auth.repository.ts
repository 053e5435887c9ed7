import type { Db } from '../../db/client.js';

const userSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  passwordHash: true,
  disabledAt: true,
  organisation: { select: { id: true, name: true, kind: true } },
} as const;

export function findUserByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: userSelect });
}

export function createSession(db: Db, data: { id: string; userId: string; expiresAt: Date }) {
  return db.session.create({ data, select: { id: true } });
}

export function findSession(db: Db, id: string) {
  return db.session.findUnique({
    where: { id },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: userSelect } },
  });
}

export function touchSession(db: Db, id: string, lastSeenAt: Date) {
  return db.session.update({ where: { id }, data: { lastSeenAt }, select: { id: true } });
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return r.count;
}
