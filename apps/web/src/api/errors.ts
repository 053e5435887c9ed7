// Reading tRPC errors: the server's code (UNAUTHORIZED, FORBIDDEN, ...) and a message for people.
import { TRPCClientError } from '@trpc/client';

export type ApiErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

interface ErrorData {
  code?: unknown;
  httpStatus?: unknown;
  zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
}

function errorData(error: unknown): ErrorData | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null ? data : undefined;
}

/** The server's error code; NETWORK when the server could not be reached or did not answer in tRPC. */
export function apiErrorCode(error: unknown): ApiErrorCode {
  const code = errorData(error)?.code;
  return typeof code === 'string' ? (code as ApiErrorCode) : 'NETWORK';
}

/** True for 4xx answers: asking again will not help. */
export function isClientError(error: unknown): boolean {
  const status = errorData(error)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The server writes its messages for people; a network failure gets one of ours. */
export function apiErrorMessage(error: unknown): string {
  if (apiErrorCode(error) === 'NETWORK') {
    return 'The Grid Console server cannot be reached. Check the connection; the page retries by itself.';
  }
  return error instanceof Error && error.message ? error.message : 'Something went wrong on the server.';
}

/** Per-field messages from a BAD_REQUEST (zod) answer. */
export function fieldErrors(error: unknown): Record<string, string | undefined> {
  const fields = errorData(error)?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([name, messages]) => [name, messages?.[0]]));
}
