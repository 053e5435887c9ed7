// Device registration and credentials (use case 3.1): pending charge points (nameplate read at
// discovery), approval = placing under a connection point (the live association then enables its
// reports at once), tokens issued (shown once, stored hashed) and revoked.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../errors.js';
import type { LiveRuntime } from '../../live/runtime.js';
import { hashDeviceToken } from '../../rti/device-auth.js';
import * as repo from './devices.repository.js';

export async function listPending(db: Db) {
  return { items: await repo.listPending(db) };
}

export async function approve(db: Db, live: LiveRuntime | undefined, input: { chargePointId: string; connectionPointId: string }, actor: string) {
  const cp = (await repo.listPending(db)).find((p) => p.id === input.chargePointId);
  if (!cp) throw new DomainError('not_found', `There is no pending charge point ${input.chargePointId}.`);
  const node = await repo.findGridNode(db, input.connectionPointId);
  if (!node || node.kind !== 'connectionPoint') {
    throw new DomainError('invalid_input', `${input.connectionPointId} is not a connection point: place a charge point under a connection point.`);
  }
  await repo.approveChargePoint(db, cp.id, node.id);
  const ts = Date.now();
  live?.writer.offer(
    { samples: [], events: [{ kind: 'registration', chargePointId: cp.id, accessPointId: cp.accessPointId, evseNo: null, message: `Approved by ${actor} under ${node.name}`, details: { connectionPointId: node.id, by: actor }, atMs: ts, receivedAtMs: ts }] },
    false,
  );
  live?.connections.session(cp.accessPointId)?.rediscover(cp.logicalDevice);
  return { id: cp.id, connectionPointId: node.id, registration: 'approved' as const };
}

export interface IssueTokenInput {
  accessPointId: string;
  kind: 'chargePoint' | 'cpoGateway';
  organisationId: string;
  label?: string | undefined;
  expiresInDays?: number | undefined;
}

/** Creates a credential for an access point (and the access point if new); the token is returned once. */
export async function issueToken(db: Db, input: IssueTokenInput, now: Date) {
  const org = await repo.findOrganisation(db, input.organisationId);
  if (!org || org.kind !== 'cpo') throw new DomainError('invalid_input', `${input.organisationId} is not a charge point operator.`);
  const ap = await repo.findAccessPoint(db, input.accessPointId);
  if (ap && ap.organisationId !== org.id) throw new DomainError('conflict', `Access point ${input.accessPointId} belongs to another operator.`);
  if (!ap) await repo.ensureAccessPoint(db, input.accessPointId, input.kind, org.id);
  const token = `dev_${randomBytes(24).toString('base64url')}`;
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const credential = await repo.createCredential(db, {
    label: input.label ?? `Token for ${input.accessPointId}`,
    tokenHash: hashDeviceToken(token),
    organisationId: org.id,
    expiresAt,
    accessPointIds: [input.accessPointId],
  });
  return { ...credential, accessPointId: input.accessPointId, token };
}

/** Revokes a credential; devices connected with it are disconnected (close 4401). */
export async function revokeToken(db: Db, live: LiveRuntime | undefined, credentialId: string, now: Date) {
  const { count } = await repo.revokeCredential(db, credentialId, now);
  if (count === 0) throw new DomainError('not_found', `There is no active credential ${credentialId}.`);
  const disconnected = live?.connections.disconnectCredential(credentialId) ?? 0;
  return { id: credentialId, revokedAt: now, disconnected };
}

export async function listCredentials(db: Db) {
  const rows = await repo.listCredentials(db);
  return { items: rows.map(({ accessPoints, ...r }) => ({ ...r, accessPointIds: accessPoints.map((a) => a.accessPointId) })) };
}

/** Connected access points and ingest counters. */
export function connectionStatus(live: LiveRuntime | undefined) {
  if (!live) return { connected: [], metrics: null, writer: null, links: {} };
  return { connected: live.connections.connectedAccessPoints(), metrics: live.metrics.snapshot(), writer: { ...live.writer.stats }, links: live.connections.linkStats() };
}
