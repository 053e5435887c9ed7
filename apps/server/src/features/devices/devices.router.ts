import { z } from 'zod';
import { operatorProcedure, dsoProcedure, router } from '../../trpc/init.js';
import * as service from './devices.service.js';

const id = z.string().trim().min(1).max(64).regex(/^[\w.-]+$/, 'Use letters, digits, "-", "_" or "."');

export const devicesRouter = router({
  pending: operatorProcedure.query(({ ctx }) => service.listPending(ctx.deps.db)),
  approve: operatorProcedure
    .input(z.object({ chargePointId: id, connectionPointId: id }))
    .mutation(({ ctx, input }) => service.approve(ctx.deps.db, ctx.deps.live, input, ctx.user.email)),
  credentials: operatorProcedure.query(({ ctx }) => service.listCredentials(ctx.deps.db)),
  issueToken: operatorProcedure
    .input(
      z.object({
        accessPointId: id,
        kind: z.enum(['chargePoint', 'cpoGateway']).default('chargePoint'),
        organisationId: id,
        label: z.string().trim().max(100).optional(),
        expiresInDays: z.number().int().positive().max(3650).optional(),
      }),
    )
    .mutation(({ ctx, input }) => service.issueToken(ctx.deps.db, input, ctx.deps.now?.() ?? new Date())),
  revokeToken: operatorProcedure
    .input(z.object({ credentialId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => service.revokeToken(ctx.deps.db, ctx.deps.live, input.credentialId, ctx.deps.now?.() ?? new Date())),
  status: dsoProcedure.query(({ ctx }) => service.connectionStatus(ctx.deps.live)),
});
