// TEMPORARY: the agreed server contract as a type-only router, used until
// apps/server/src/trpc/app-router.ts exists. Never imported at runtime (import type only).
import { initTRPC } from '@trpc/server';
import { z } from 'zod';

type Role = 'admin' | 'operator' | 'viewer' | 'cpo';
interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: 'dso' | 'cpo' };
}
interface GridNode {
  id: string;
  kind: 'substation' | 'transformer' | 'feeder' | 'connectionPoint';
  name: string;
  parentId: string | null;
  capacityW: number;
  chargePointCount: number;
  ratedImportW: number;
}
interface ChargePoint {
  id: string;
  cpo: { id: string; name: string };
  architecture: 'public' | 'residential';
  registration: 'pending' | 'approved' | 'rejected';
  connectionPoint: { id: string; name: string } | null;
  feeder: { id: string; name: string } | null;
  vendor: string;
  model: string;
  maxImportW: number;
  maxExportW: number;
  v2gCapable: boolean;
  reactiveCapable: boolean;
  freqResponseCapable: boolean;
  evseCount: number;
  address: string;
}
interface ChargePointDetail extends ChargePoint {
  evses: Array<{ evseNo: number; maxPowerW: number; connectorType: string; v2gCapable: boolean }>;
  serialNumber: string;
  firmware: string;
  logicalDevice: string;
  accessPointId: string;
}

const t = initTRPC.create();
const stub = <T>() => null as unknown as T;

export const stubRouter = t.router({
  auth: t.router({
    login: t.procedure
      .input(z.object({ email: z.string(), password: z.string() }))
      .mutation(() => stub<{ user: User }>()),
    logout: t.procedure.mutation(() => stub<{ ok: true }>()),
    me: t.procedure.query(() => stub<{ user: User | null }>()),
  }),
  grid: t.router({ tree: t.procedure.query(() => stub<{ nodes: GridNode[] }>()) }),
  chargePoints: t.router({
    list: t.procedure
      .input(
        z.object({
          cpoId: z.string().optional(),
          architecture: z.enum(['public', 'residential']).optional(),
          connectionPointId: z.string().optional(),
          search: z.string().optional(),
        }),
      )
      .query(() => stub<{ items: ChargePoint[] }>()),
    byId: t.procedure.input(z.object({ id: z.string() })).query(() => stub<ChargePointDetail>()),
  }),
  organisations: t.router({
    list: t.procedure.query(() =>
      stub<{ items: Array<{ id: string; name: string; kind: 'dso' | 'cpo' }> }>(),
    ),
  }),
});

export type AppRouter = typeof stubRouter;
