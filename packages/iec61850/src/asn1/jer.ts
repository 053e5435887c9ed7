// The boundary of the schema runtime: encodeJer / decodeJer never leak internal failures.
import type { DecodeResult, JerDecodeError } from './errors.js';
import { DecodeFailure, EncodeFailure, JerEncodeError } from './errors.js';
import { parseJsonText } from './json-text.js';
import type { Schema } from './schema.js';

/** JER text of a value. Throws JerEncodeError (with the path) when the value does not fit. */
export function encodeJer<T>(schema: Schema<T>, value: T): string {
  try {
    return schema.enc(value);
  } catch (e) {
    if (e instanceof EncodeFailure) throw new JerEncodeError(e.path, e.message);
    if (e instanceof RangeError) throw new JerEncodeError('$', `value too deeply nested (${e.message})`);
    throw e;
  }
}

/** Turns anything thrown while decoding into a JerDecodeError. */
export function toDecodeError(e: unknown): JerDecodeError {
  if (e instanceof DecodeFailure) return { path: e.path, message: e.message, kind: e.kind };
  if (e instanceof SyntaxError) return { path: '$', message: `invalid JSON: ${e.message}`, kind: 'json' };
  if (e instanceof RangeError) return { path: '$', message: `input too deeply nested: ${e.message}`, kind: 'range' };
  return { path: '$', message: `decoder failure: ${e instanceof Error ? e.message : String(e)}`, kind: 'shape' };
}

/** Validates an already parsed JSON value against a schema. Never throws. */
export function decodeJer<T>(schema: Schema<T>, json: unknown): DecodeResult<T> {
  try {
    return { ok: true, value: schema.dec(json, { depth: 0 }) };
  } catch (e) {
    return { ok: false, error: toDecodeError(e) };
  }
}

/** Parses JER text (exact big integers) and validates it against a schema. Never throws. */
export function decodeJerText<T>(schema: Schema<T>, text: string): DecodeResult<T> {
  let json: unknown;
  try {
    json = parseJsonText(text);
  } catch (e) {
    return { ok: false, error: toDecodeError(e) };
  }
  return decodeJer(schema, json);
}
