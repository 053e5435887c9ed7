// Typed errors of the JER codec. Decoding reports the JSON path of the first bad field; the path is
// assembled while the failure unwinds (each SEQUENCE / SEQUENCE OF / CHOICE level adds its segment),
// so the happy path never builds path strings.

export type JerErrorKind = 'json' | 'shape' | 'range' | 'unknownAlternative';

/** A decoding failure, as returned (never thrown) by the decoders. */
export interface JerDecodeError {
  /** JSON path of the offending value, e.g. "$.request.service.getDataValues.ref.fc". */
  path: string;
  message: string;
  /** Recovered when the frame is a request whose invokeId was readable. */
  invokeId?: number;
  associateId?: string;
  kind: JerErrorKind;
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: JerDecodeError };

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Path segment for an object key: `.name`, or `["odd key"]` when it is not an identifier. */
export function keySegment(key: string): string {
  return IDENT.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

abstract class PathFailure extends Error {
  /** Path segments, innermost first (they are pushed while unwinding). */
  readonly segments: string[] = [];

  get path(): string {
    let p = '$';
    for (let i = this.segments.length - 1; i >= 0; i--) p += this.segments[i];
    return p;
  }
}

/** Internal: thrown by schema decoders, caught at the decodeJer boundary. */
export class DecodeFailure extends PathFailure {
  constructor(
    readonly kind: JerErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeFailure';
  }
}

/** Internal: thrown by schema encoders, converted to JerEncodeError at the encodeJer boundary. */
export class EncodeFailure extends PathFailure {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeFailure';
  }
}

/** Thrown by the encoders on a programming error: a value that does not fit its type. */
export class JerEncodeError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`JER encode: ${path}: ${reason}`);
    this.name = 'JerEncodeError';
  }
}

/** Adds a path segment to a failure that passes through; rethrows anything else unchanged. */
export function withSegment(e: unknown, segment: string): unknown {
  if (e instanceof PathFailure) e.segments.push(segment);
  return e;
}
