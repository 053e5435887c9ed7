// The session cookie: a random token (httpOnly, SameSite=Lax, Secure behind TLS). Only its hash is
// stored in the database.
import type { ServerResponse } from 'node:http';
import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'gc_session';

export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const value = parse(cookieHeader)[SESSION_COOKIE];
  return value && /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : null;
}

export function httpSessionCookies(res: ServerResponse, secure: boolean): SessionCookies {
  const append = (cookie: string) => {
    const prev = res.getHeader('Set-Cookie');
    const list = Array.isArray(prev) ? prev : prev ? [String(prev)] : [];
    res.setHeader('Set-Cookie', [...list, cookie]);
  };
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  return {
    set: (token, expiresAt) => append(serialize(SESSION_COOKIE, token, { ...base, expires: expiresAt })),
    clear: () => append(serialize(SESSION_COOKIE, '', { ...base, expires: new Date(0) })),
  };
}
