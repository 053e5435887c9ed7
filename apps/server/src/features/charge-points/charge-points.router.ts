import { z } from 'zod';
import { authedProcedure, router } from '../../trpc/init.js';
import type { SessionUser } from '../auth/auth.service.js';
import type { CpoScope } from '../auth/roles.js';
import { getChargePoint, listChargePoints } from './charge-points.service.js';

export const scopeOf = (user: SessionUser): CpoScope => (user.role === 'cpo' ? { cpoId: user.organisation.id } : null);

const chargePointId = z.string().trim().min(1, 'Give a charge point id').max(64).regex(/^[\w.-]+$/, 'Use letters, digits, "-", "_" or "."');

export const chargePointsRouter = router({
  list: authedProcedure
    .input(
      z
        .object({
          cpoId: z.string().max(64).optional(),
          architecture: z.enum(['public', 'residential']).optional(),
          connectionPointId: z.string().max(64).optional(),
          search: z.string().max(100).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listChargePoints(ctx.deps.db, scopeOf(ctx.user), input ?? {}, ctx.deps.live?.state)),
  byId: authedProcedure
    .input(z.object({ id: chargePointId }))
    .query(({ ctx, input }) => getChargePoint(ctx.deps.db, scopeOf(ctx.user), input.id, ctx.deps.live?.state, (ctx.deps.now?.() ?? new Date()).getTime())),
});
