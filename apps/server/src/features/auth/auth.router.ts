import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../../trpc/init.js';
import * as auth from './auth.service.js';

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ email: z.string().trim().min(1, 'Enter your email').max(200), password: z.string().min(1, 'Enter your password').max(500) }))
    .mutation(async ({ ctx, input }) => {
      const { user, token, expiresAt } = await auth.login(ctx.deps, input.email, input.password);
      ctx.cookies.set(token, expiresAt);
      return { user };
    }),
  logout: authedProcedure.mutation(async ({ ctx }) => {
    await auth.logout(ctx.deps, ctx.sessionToken);
    ctx.cookies.clear();
    ctx.log.info('logout');
    return { ok: true as const };
  }),
  me: publicProcedure.query(({ ctx }) => ({ user: ctx.user })),
});
