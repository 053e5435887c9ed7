import { z } from 'zod';
import { authedProcedure, router } from '../../trpc/init.js';
import { scopeOf } from '../charge-points/charge-points.router.js';
import { listEvents } from './events.service.js';

export const eventsRouter = router({
  /** Newest first; page with `beforeId` = the last id of the previous page. */
  list: authedProcedure
    .input(
      z
        .object({
          chargePointId: z.string().max(64).optional(),
          kinds: z.array(z.string().max(40)).max(20).optional(),
          fromMs: z.number().int().nonnegative().optional(),
          toMs: z.number().int().nonnegative().optional(),
          beforeId: z.number().int().positive().optional(),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listEvents(ctx.deps.db, scopeOf(ctx.user), input ?? { limit: 100 })),
});
