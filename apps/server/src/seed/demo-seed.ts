// Seeds an empty database with the demo grid, its organisations, charge points, demo users (one
// per role) and a device credential per access point. Does nothing when organisations exist.
import { randomBytes } from 'node:crypto';
import { hashDeviceToken } from '../rti/device-auth.js';
import type { Db } from '../db/client.js';
import { hashPassword } from '../features/auth/password.js';
import type { Role } from '../features/auth/roles.js';
import { buildDemoGrid, CPO_ORGS, DSO_ORG, HOMEWATT_GATEWAY, type DemoChargePoint } from './demo-grid.js';

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
  /** The seeded fleet as the simulator reads it (access points with their token and charge points). */
  fleet: DemoFleet;
}

/** The fleet file format shared with the simulator (`data/demo-fleet.json`). */
export interface DemoFleet {
  accessPoints: Array<{
    id: string;
    kind: 'chargePoint' | 'cpoGateway';
    cpoId: string;
    token: string;
    chargePoints: Array<Omit<DemoChargePoint, 'accessPointId' | 'connectionPointId' | 'address'> & { logicalDevice: string }>;
  }>;
}

function buildFleet(chargePoints: DemoChargePoint[], tokens: Record<string, string>): DemoFleet {
  const byAp = new Map<string, DemoFleet['accessPoints'][number]>();
  for (const { accessPointId, connectionPointId: _c, address: _a, ...cp } of chargePoints) {
    let ap = byAp.get(accessPointId);
    if (!ap) {
      ap = {
        id: accessPointId,
        kind: accessPointId === HOMEWATT_GATEWAY ? 'cpoGateway' : 'chargePoint',
        cpoId: cp.cpoId,
        token: tokens[accessPointId] ?? '',
        chargePoints: [],
      };
      byAp.set(accessPointId, ap);
    }
    ap.chargePoints.push({ ...cp, logicalDevice: cp.id });
  }
  return { accessPoints: [...byAp.values()] };
}

export { hashDeviceToken };

export async function seedDemo(db: Db): Promise<SeedResult> {
  if ((await db.organisation.count()) > 0) return { seeded: false, deviceTokens: {}, fleet: { accessPoints: [] } };
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
  return { seeded: true, deviceTokens, fleet: buildFleet(chargePoints, deviceTokens) };
}
