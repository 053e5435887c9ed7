// Results of ACSI client services: values, not exceptions.
import type { CallFailure, CallOutcome } from '../association/types.js';
import type { ResponseServiceType, ServiceStatusKind } from '../pdu/index.js';

export type AcsiFailure =
  | { kind: 'serviceError'; serviceError: ServiceStatusKind }
  | { kind: 'call'; reason: CallFailure }
  | { kind: 'unexpectedResponse'; got: string };

export type AcsiResult<T> = { ok: true; value: T } | { ok: false; error: AcsiFailure };

type ResponseKey = ResponseServiceType extends infer U ? (U extends Record<infer K, unknown> ? K : never) : never;
export type ResponseBody<K extends ResponseKey> = Extract<ResponseServiceType, Record<K, unknown>>[K];

/** Maps a call outcome onto the expected response alternative. */
export function expectResponse<K extends ResponseKey>(outcome: CallOutcome, key: K): AcsiResult<ResponseBody<K>> {
  if (!outcome.ok) return { ok: false, error: { kind: 'call', reason: outcome.reason } };
  const service = outcome.service;
  if ('serviceError' in service) return { ok: false, error: { kind: 'serviceError', serviceError: service.serviceError } };
  if (key in service) return { ok: true, value: (service as unknown as Record<K, ResponseBody<K>>)[key] };
  return { ok: false, error: { kind: 'unexpectedResponse', got: Object.keys(service)[0] ?? '?' } };
}

export function mapResult<T, U>(result: AcsiResult<T>, f: (value: T) => U): AcsiResult<U> {
  return result.ok ? { ok: true, value: f(result.value) } : result;
}
