// Login, logout and session resolution. Sessions expire absolutely (SESSION_TTL_HOURS) and after
// inactivity (SESSION_IDLE_MINUTES); an expired session is deleted when it is next presented.
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../errors.js';
import type { AppDeps } from '../../trpc/context.js';
import * as repo from './auth.repository.js';
import { verifyPassword } from './password.js';
import { isRole, type Role } from './roles.js';

export interface AuthConfig {
  sessionTtlMs: number;
  sessionIdleMs: number;
  secureCookies: boolean;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: 'dso' | 'cpo' };
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserByEmail>>>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
// Verifying against a dummy hash for unknown users keeps the response time the same.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Xw3CiSeQh6Ru5rlh1I+0qoHc7Ug2jlqRfuCOmPvkhM';

function toSessionUser(row: UserRow): SessionUser | null {
  const kind = row.organisation.kind;
  if (!isRole(row.role) || (kind !== 'dso' && kind !== 'cpo')) return null;
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, organisation: { ...row.organisation, kind } };
}

export async function login(deps: AppDeps, email: string, password: string) {
  const now = deps.now?.() ?? new Date();
  const row = await repo.findUserByEmail(deps.db, email.trim().toLowerCase());
  const ok = await verifyPassword(row?.passwordHash ?? DUMMY_HASH, password);
  const user = row && ok && !row.disabledAt ? toSessionUser(row) : null;
  if (!user) {
    deps.log.warn({ email }, row ? 'login refused: wrong password or disabled user' : 'login refused: unknown user');
    throw new DomainError('unauthenticated', 'Wrong email or password. Check both and try again.');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.auth.sessionTtlMs);
  await repo.createSession(deps.db, { id: hashToken(token), userId: user.id, expiresAt });
  deps.log.info({ email: user.email, role: user.role }, 'login');
  return { user, token, expiresAt };
}

export async function logout(deps: AppDeps, token: string | null): Promise<void> {
  if (token) await repo.deleteSession(deps.db, hashToken(token));
}

/** The user behind a session token, or null when the token is unknown, expired or idle too long. */
export async function resolveSession(deps: AppDeps, token: string): Promise<SessionUser | null> {
  const now = deps.now?.() ?? new Date();
  const id = hashToken(token);
  const session = await repo.findSession(deps.db, id);
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince > deps.auth.sessionIdleMs || session.user.disabledAt) {
    await repo.deleteSession(deps.db, id);
    return null;
  }
  if (idleSince > 60_000) await repo.touchSession(deps.db, id, now); // at most one write a minute
  return toSessionUser(session.user);
}
