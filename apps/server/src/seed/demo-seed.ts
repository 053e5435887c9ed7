// Seeds an empty database with the demo grid, its organisations, charge points, demo users (one
// per role) and a device credential per access point. Does nothing when organisations exist.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { hashPassword } from '../features/auth/password.js';
import type { Role } from '../features/auth/roles.js';
import { buildDemoGrid, CPO_ORGS, DSO_ORG, HOMEWATT_GATEWAY } from './demo-grid.js';

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role; organisationId: string }> = [
  { email: 'admin@dso.example', displayName: 'Anna Admin', role: 'admin', organisationId: DSO_ORG.id },
  { email: 'operator@dso.example', displayName: 'Omar Operator', role: 'operator', organisationId: DSO_ORG.id },
  { email: 'viewer@dso.example', displayName: 'Vera Viewer', role: 'viewer', organisationId: DSO_ORG.id },
  { email: 'cpo@voltcharge.example', displayName: 'Carla (VoltCharge)', role: 'cpo', organisationId: 'cpo-voltcharge' },
  { email: 'cpo@homewatt.example', displayName: 'Hugo (HomeWatt)', role: 'cpo', organisationId: 'cpo-homewatt' },
];

export interface SeedResult {
  seeded: boolean;
  /** Plain device tokens per access point (only when seeded now; they are stored hashed). */
  deviceTokens: Record<string, string>;
}

export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function seedDemo(db: Db): Promise<SeedResult> {
  if ((await db.organisation.count()) > 0) return { seeded: false, deviceTokens: {} };
  const { nodes, chargePoints } = buildDemoGrid();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accessPoints = new Map<string, { kind: string; organisationId: string }>();
  for (const cp of chargePoints) {
    accessPoints.set(cp.accessPointId, { kind: cp.accessPointId === HOMEWATT_GATEWAY ? 'cpoGateway' : 'chargePoint', organisationId: cp.cpoId });
  }
  const deviceTokens: Record<string, string> = {};
  const credentials = [...accessPoints.entries()].map(([apId, ap]) => {
    const token = `dev_${randomBytes(24).toString('base64url')}`;
    deviceTokens[apId] = token;
    return { id: `cred-${apId}`, label: `Demo credential ${apId}`, tokenHash: hashDeviceToken(token), organisationId: ap.organisationId };
  });

  await db.$transaction(async (tx) => {
    await tx.organisation.createMany({ data: [DSO_ORG, ...CPO_ORGS].map((o) => ({ ...o })) });
    await tx.user.createMany({ data: DEMO_USERS.map((u) => ({ ...u, passwordHash })) });
    // parents before children: the list is ordered substation → transformers → feeders → connection points
    for (const kind of ['substation', 'transformer', 'feeder', 'connectionPoint'] as const) {
      await tx.gridNode.createMany({ data: nodes.filter((n) => n.kind === kind) });
    }
    await tx.accessPoint.createMany({ data: [...accessPoints.entries()].map(([id, ap]) => ({ id, ...ap })) });
    await tx.chargePoint.createMany({
      data: chargePoints.map(({ evses: _evses, ...cp }) => ({ ...cp, logicalDevice: cp.id, registration: 'approved' })),
    });
    await tx.evse.createMany({ data: chargePoints.flatMap((cp) => cp.evses.map((e) => ({ ...e, chargePointId: cp.id }))) });
    await tx.deviceCredential.createMany({ data: credentials });
    await tx.credentialAccessPoint.createMany({
      data: credentials.map((c) => ({ credentialId: c.id, accessPointId: c.id.slice('cred-'.length) })),
    });
  });
  return { seeded: true, deviceTokens };
}
