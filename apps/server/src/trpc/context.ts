// The request context every procedure sees: the database, the logger, the signed-in user (or
// null) and a way to set/clear the session cookie on HTTP responses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db, DbProvider } from '../db/client.js';
import type { Logger } from '../logger.js';
import type { LiveRuntime } from '../live/runtime.js';
import type { SessionUser } from '../features/auth/auth.service.js';
import { readSessionToken, type SessionCookies } from '../features/auth/session-cookie.js';
import { resolveSession, type AuthConfig } from '../features/auth/auth.service.js';

export interface AppDeps {
  db: Db;
  log: Logger;
  auth: AuthConfig;
  now?: () => Date;
  /** For the few raw SQL reads (default sqlite). */
  provider?: DbProvider;
  /** Device connections, ingest, live state and bus (absent in tests that need no devices). */
  live?: LiveRuntime;
}

export interface Context {
  deps: AppDeps;
  log: Logger;
  user: SessionUser | null;
  sessionToken: string | null;
  cookies: SessionCookies;
  clientIp: string;
}

const noCookies: SessionCookies = {
  set: () => {
    throw new Error('cookies can only be set over HTTP');
  },
  clear: () => undefined,
};

export async function createContext(
  deps: AppDeps,
  req: IncomingMessage,
  cookies: SessionCookies | null,
): Promise<Context> {
  const token = readSessionToken(req.headers.cookie);
  const user = token ? await resolveSession(deps, token) : null;
  const clientIp = req.socket.remoteAddress ?? 'unknown';
  return {
    deps,
    log: deps.log.child({ user: user?.email, ip: clientIp }),
    user,
    sessionToken: token,
    cookies: cookies ?? noCookies,
    clientIp,
  };
}

export type { ServerResponse };
