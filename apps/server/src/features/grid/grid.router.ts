import { dsoProcedure, router } from '../../trpc/init.js';
import { getGridTree } from './grid.service.js';

export const gridRouter = router({
  tree: dsoProcedure.query(({ ctx }) => getGridTree(ctx.deps.db)),
});
