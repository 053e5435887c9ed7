// Device authentication on the HTTP upgrade of /rti/<accessPoint> (PROTOCOL.md "Security"):
// missing/unknown/revoked/expired token → 401; token not listed for the access point → 403.
// Only the SHA-256 of a token is stored. An accepted credential is remembered per request so the
// association can watch its expiry (close 4401 unless a refreshToken with a valid token arrives).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { bearerToken, type AuthDecision } from '@dso/iec61850';
import type { Db } from '../db/client.js';
import * as repo from '../features/devices/devices.repository.js';

export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface DeviceCredentialInfo {
  id: string;
  organisationId: string;
  expiresAt: Date | null;
}

export type CredentialCheck =
  | { ok: true; credential: DeviceCredentialInfo }
  | { ok: false; status: 401 | 403; message: string };

export async function checkDeviceToken(db: Db, token: string | undefined, accessPoint: string, now: Date): Promise<CredentialCheck> {
  if (!token) return { ok: false, status: 401, message: 'missing bearer token' };
  const row = await repo.findCredentialByHash(db, hashDeviceToken(token));
  if (!row || row.revokedAt) return { ok: false, status: 401, message: 'invalid token' };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, status: 401, message: 'token expired' };
  if (!row.accessPoints.some((a) => a.accessPointId === accessPoint)) {
    return { ok: false, status: 403, message: `token not valid for access point ${accessPoint}` };
  }
  return { ok: true, credential: { id: row.id, organisationId: row.organisationId, expiresAt: row.expiresAt } };
}

/** The authenticate hook of the RTI endpoint; remembers the credential on the request. */
export function deviceAuthenticator(db: Db, now: () => Date, onRefused: (accessPoint: string, status: number, message: string) => void) {
  const accepted = new WeakMap<IncomingMessage, DeviceCredentialInfo>();
  const authenticate = async (req: IncomingMessage, accessPoint: string): Promise<AuthDecision> => {
    const check = await checkDeviceToken(db, bearerToken(req), accessPoint, now());
    if (!check.ok) {
      onRefused(accessPoint, check.status, check.message);
      return { allow: false, status: check.status, message: check.message };
    }
    accepted.set(req, check.credential);
    await repo.touchCredential(db, check.credential.id, now());
    return { allow: true };
  };
  return { authenticate, credentialOf: (req: IncomingMessage) => accepted.get(req) };
}
