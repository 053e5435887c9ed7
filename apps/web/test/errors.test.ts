import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { apiErrorCode, apiErrorMessage, fieldErrors, isClientError } from '../src/api/errors.js';

const refusal = (code: string, httpStatus: number, message: string, zodError: unknown = null) =>
  TRPCClientError.from({ error: { code: -32000, message, data: { code, httpStatus, zodError } } });

describe('reading server errors', () => {
  it('takes the code and the message written for people', () => {
    const error = refusal('FORBIDDEN', 403, 'Charge point VC-0001 belongs to another operator.');
    expect(apiErrorCode(error)).toBe('FORBIDDEN');
    expect(isClientError(error)).toBe(true);
    expect(apiErrorMessage(error)).toBe('Charge point VC-0001 belongs to another operator.');
  });

  it('treats anything without a tRPC answer as a network failure with its own message', () => {
    const error = new TypeError('Failed to fetch');
    expect(apiErrorCode(error)).toBe('NETWORK');
    expect(isClientError(error)).toBe(false);
    expect(apiErrorMessage(error)).toMatch(/cannot be reached/);
  });

  it('server faults (5xx) are not client errors, so they are retried', () => {
    expect(isClientError(refusal('INTERNAL_SERVER_ERROR', 500, 'Database unavailable'))).toBe(false);
  });

  it('returns the first message per field of a BAD_REQUEST', () => {
    const error = refusal('BAD_REQUEST', 400, 'Invalid input', {
      formErrors: [],
      fieldErrors: { email: ['Enter your email', 'Too short'], password: undefined },
    });
    expect(fieldErrors(error)).toEqual({ email: 'Enter your email', password: undefined });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
