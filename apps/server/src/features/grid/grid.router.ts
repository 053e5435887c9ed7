import { z } from 'zod';
import { dsoProcedure, router } from '../../trpc/init.js';
import { getGridNode, getGridTree } from './grid.service.js';

export const gridRouter = router({
  tree: dsoProcedure.query(({ ctx }) => getGridTree(ctx.deps.db)),
  /** One node with parent, children, charge points (connection point) and live aggregates. */
  node: dsoProcedure.input(z.object({ id: z.string().trim().min(1).max(64) })).query(({ ctx, input }) => getGridNode(ctx.deps.db, ctx.deps.live?.state, input.id)),
});
