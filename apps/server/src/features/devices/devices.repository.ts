// The only code that reads/writes device credentials, registrations and RCB cursors with Prisma.
import type { Db } from '../../db/client.js';

export function findCredentialByHash(db: Db, tokenHash: string) {
  return db.deviceCredential.findUnique({
    where: { tokenHash },
    select: { id: true, organisationId: true, expiresAt: true, revokedAt: true, accessPoints: { select: { accessPointId: true } } },
  });
}

export async function touchCredential(db: Db, id: string, now: Date): Promise<void> {
  await db.deviceCredential.update({ where: { id }, data: { lastUsedAt: now } });
}

export function chargePointsOfAccessPoint(db: Db, accessPointId: string) {
  return db.chargePoint.findMany({
    where: { accessPointId },
    select: { id: true, logicalDevice: true, registration: true, configRev: true, cpoId: true, connectionPointId: true },
  });
}

export function findAccessPoint(db: Db, id: string) {
  return db.accessPoint.findUnique({ where: { id }, select: { id: true, kind: true, organisationId: true } });
}

export interface Nameplate {
  vendor: string;
  model: string;
  serialNumber: string;
  firmware: string;
  configRev: string;
  maxImportW: number;
  maxExportW: number;
  maxReactiveVar: number;
  v2gCapable: boolean;
  reactiveCapable: boolean;
  freqResponseCapable: boolean;
  proxy: boolean;
}

/**
 * A charge point found at discovery, pending approval, with the EVSEs its model has. The profile
 * rates the connection (DPCC1.WRtg), not each EVSE: an EVSE's rating is recorded as an equal share
 * of it and its connector as 'unknown' until someone corrects them.
 */
export async function createPendingChargePoint(
  db: Db,
  ap: { id: string; organisationId: string },
  ld: string,
  plate: Nameplate,
  evses: ReadonlyArray<{ evseNo: number; v2gCapable: boolean }>,
  now: Date,
) {
  const { proxy, ...fields } = plate;
  const shareW = evses.length > 0 ? Math.floor(plate.maxImportW / evses.length) : 0;
  await db.chargePoint.create({
    data: {
      id: ld,
      cpoId: ap.organisationId,
      architecture: proxy ? 'residential' : 'public',
      accessPointId: ap.id,
      logicalDevice: ld,
      registration: 'pending',
      discoveredAt: now,
      ...fields,
      evses: { create: evses.map((e) => ({ evseNo: e.evseNo, v2gCapable: e.v2gCapable, maxPowerW: shareW, connectorType: 'unknown' })) },
    },
  });
}

export async function updateDiscovered(db: Db, chargePointId: string, plate: Nameplate, now: Date): Promise<void> {
  const { proxy: _proxy, ...fields } = plate;
  await db.chargePoint.update({ where: { id: chargePointId }, data: { ...fields, discoveredAt: now } });
}

export async function readCursors(db: Db, accessPointId: string): Promise<Map<string, string>> {
  const rows = await db.rcbCursor.findMany({ where: { accessPointId }, select: { logicalDevice: true, rcbName: true, entryId: true } });
  return new Map(rows.map((r) => [`${r.logicalDevice}/${r.rcbName}`, r.entryId]));
}

export function chargePointExists(db: Db, id: string) {
  return db.chargePoint.findUnique({ where: { id }, select: { id: true, accessPointId: true, logicalDevice: true } });
}

export function listPending(db: Db) {
  return db.chargePoint.findMany({
    where: { registration: 'pending' },
    select: {
      id: true,
      accessPointId: true,
      logicalDevice: true,
      architecture: true,
      vendor: true,
      model: true,
      serialNumber: true,
      firmware: true,
      configRev: true,
      maxImportW: true,
      maxExportW: true,
      maxReactiveVar: true,
      v2gCapable: true,
      reactiveCapable: true,
      freqResponseCapable: true,
      discoveredAt: true,
      cpo: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
}

export function findGridNode(db: Db, id: string) {
  return db.gridNode.findUnique({ where: { id }, select: { id: true, kind: true, name: true, capacityW: true } });
}

export async function approveChargePoint(db: Db, id: string, connectionPointId: string): Promise<void> {
  await db.chargePoint.update({ where: { id }, data: { registration: 'approved', connectionPointId } });
}

export async function ensureAccessPoint(db: Db, id: string, kind: string, organisationId: string): Promise<void> {
  await db.accessPoint.upsert({ where: { id }, create: { id, kind, organisationId }, update: {} });
}

export async function createCredential(
  db: Db,
  data: { label: string; tokenHash: string; organisationId: string; expiresAt: Date | null; accessPointIds: string[] },
) {
  return db.deviceCredential.create({
    data: {
      label: data.label,
      tokenHash: data.tokenHash,
      organisationId: data.organisationId,
      expiresAt: data.expiresAt,
      accessPoints: { create: data.accessPointIds.map((accessPointId) => ({ accessPointId })) },
    },
    select: { id: true, label: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeCredential(db: Db, id: string, now: Date): Promise<{ count: number }> {
  return db.deviceCredential.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

export function listCredentials(db: Db) {
  return db.deviceCredential.findMany({
    select: {
      id: true,
      label: true,
      organisationId: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      accessPoints: { select: { accessPointId: true } },
    },
    orderBy: { createdAt: 'asc' },
  });
}

export function findOrganisation(db: Db, id: string) {
  return db.organisation.findUnique({ where: { id }, select: { id: true, kind: true } });
}
