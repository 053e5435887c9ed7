import { dsoProcedure, router } from '../../trpc/init.js';
import { listOrganisations } from './organisations.repository.js';

export const organisationsRouter = router({
  list: dsoProcedure.query(async ({ ctx }) => ({ items: await listOrganisations(ctx.deps.db) })),
});
