// tRPC set-up in one place: context → init (error formatting) → procedures by role.
// DomainError codes map to tRPC codes in one table; zod input errors come back flattened so the
// web app can show them next to the field; every 4xx is logged with its path and the user.
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../errors.js';
import { CONTROL_ROLES, DSO_ROLES, type Role } from '../features/auth/roles.js';
import type { Context } from './context.js';

const codeTable: Record<DomainErrorCode, TRPCError['code']> = {
  unauthenticated: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  invalid_input: 'BAD_REQUEST',
  conflict: 'CONFLICT',
};

export function toTRPCError(e: unknown): unknown {
  if (e instanceof DomainError) return new TRPCError({ code: codeTable[e.code], message: e.message, cause: e });
  return e;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    const message = zodError
      ? `Invalid input: ${Object.entries(zodError.fieldErrors)
          .map(([field, msgs]) => `${field}: ${(msgs as string[] | undefined)?.join(', ') ?? ''}`)
          .concat(zodError.formErrors)
          .join('; ')}`
      : shape.message;
    return { ...shape, message, data: { ...shape.data, zodError, stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps DomainError → TRPCError and logs every refused call once. */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (!result.ok) {
    const err = toTRPCError(result.error.cause ?? result.error);
    if (err instanceof TRPCError && err !== result.error) result.error = err;
    const code = result.error.code;
    if (code === 'INTERNAL_SERVER_ERROR') ctx.log.error({ err: result.error.cause ?? result.error, path, type }, 'procedure failed');
    else ctx.log.warn({ path, type, code, msg: result.error.message }, 'procedure refused');
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'You are not signed in, or your session expired. Sign in again.' });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRoles(roles: readonly Role[], what: string) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role (${ctx.user.role}) may not ${what}.` });
    }
    return next();
  });
}

/** DSO staff: admin, operator, viewer. */
export const dsoProcedure = requireRoles(DSO_ROLES, 'see the DSO control room');
/** Those who may send controls: admin, operator. */
export const operatorProcedure = requireRoles(CONTROL_ROLES, 'send controls');
export const adminProcedure = requireRoles(['admin'], 'administer users and devices');
