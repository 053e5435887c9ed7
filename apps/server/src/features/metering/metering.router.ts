import { tracked } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, operatorProcedure, router } from '../../trpc/init.js';
import { DomainError } from '../../errors.js';
import { scopeOf } from '../charge-points/charge-points.router.js';
import { listGridNodes } from '../grid/grid.repository.js';
import { liveFeed } from '../../live/live-feed.js';
import * as repo from './metering.repository.js';
import { history, readNow } from './metering.service.js';

const id = z.string().trim().min(1).max(64);

export const meteringRouter = router({
  /** A series over a time range, downsampled server-side (raw buckets or 1/15-minute rollups). */
  history: authedProcedure
    .input(
      z.object({
        chargePointId: id,
        measurand: z.string().min(1).max(40),
        evseNo: z.number().int().min(0).max(64).default(0),
        fromMs: z.number().int().nonnegative(),
        toMs: z.number().int().positive(),
        resolution: z.enum(['auto', 'raw', '1m', '15m']).default('auto'),
        maxPoints: z.number().int().min(10).max(5_000).default(500),
      }),
    )
    .query(({ ctx, input }) => history(ctx.deps.db, ctx.deps.provider ?? 'sqlite', scopeOf(ctx.user), input)),

  /** Metering on request (3.11): reads the device now, stores and returns the values. */
  readNow: operatorProcedure.input(z.object({ chargePointId: id })).mutation(({ ctx, input }) => readNow(ctx.deps.db, ctx.deps.live, input.chargePointId)),

  /**
   * Live values of the charge points (and aggregates of the grid nodes) on screen: the current
   * state first, then changes, at most one message per minIntervalMs. CPO users get only their own.
   */
  onLive: authedProcedure
    .input(
      z.object({
        chargePointIds: z.array(id).max(500).default([]),
        gridNodeIds: z.array(id).max(100).default([]),
        minIntervalMs: z.number().int().min(100).max(60_000).default(1_000),
        lastEventId: z.string().nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const live = ctx.deps.live;
      if (!live) throw new DomainError('conflict', 'Live data is not available on this server.');
      const scope = scopeOf(ctx.user);
      const visible = await repo.chargePointsOf(ctx.deps.db, scope?.cpoId ?? null);
      const visibleIds = new Set(visible.map((c) => c.id));
      const forbidden = input.chargePointIds.filter((cp) => !visibleIds.has(cp));
      if (forbidden.length > 0) throw new DomainError('forbidden', `Not yours or unknown: ${forbidden.slice(0, 5).join(', ')}.`);
      if (scope && input.gridNodeIds.length > 0) throw new DomainError('forbidden', 'Grid aggregates are for DSO staff.');
      const list = input.gridNodeIds.length > 0 ? await listGridNodes(ctx.deps.db) : [];
      const placements = visible.filter((c) => c.connectionPointId !== null);
      const feed = liveFeed({
        bus: live.bus,
        state: live.state,
        chargePointIds: new Set(input.chargePointIds),
        nodes: { list, placements, ids: input.gridNodeIds },
        minIntervalMs: input.minIntervalMs,
        signal,
        now: () => (ctx.deps.now?.() ?? new Date()).getTime(),
      });
      for await (const message of feed) yield tracked(String(message.seq), message);
    }),
});
