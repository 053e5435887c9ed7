// Schemas of the ASN.1 simple types, with their JER rules (X.697 as used by RTI 2.0).
import { DecodeFailure, EncodeFailure } from './errors.js';
import { hex, tryFromHex } from './hex.js';
import type { BitString, Schema, StringCharset } from './schema.js';
import { isRecord } from './schema.js';

function shape(message: string): DecodeFailure {
  return new DecodeFailure('shape', message);
}
function range(message: string): DecodeFailure {
  return new DecodeFailure('range', message);
}

/** BOOLEAN: JSON true / false. */
export function boolean(): Schema<boolean> {
  return {
    def: { kind: 'boolean' },
    dec: (j) => {
      if (typeof j !== 'boolean') throw shape('expected a boolean');
      return j;
    },
    enc: (v) => {
      if (v === true) return 'true';
      if (v === false) return 'false';
      throw new EncodeFailure('expected a boolean');
    },
  };
}

/** NULL: JSON null. */
export function nul(): Schema<null> {
  return {
    def: { kind: 'null' },
    dec: (j) => {
      if (j !== null) throw shape('expected null');
      return null;
    },
    enc: (v) => {
      if (v !== null) throw new EncodeFailure('expected null');
      return 'null';
    },
  };
}

const DIGITS = /^-?\d{1,400}$/;

/** Reads a JER INTEGER (JSON number, numeric string, or a bigint from the big-number parser). */
function readInteger(j: unknown): number | bigint {
  if (typeof j === 'number') {
    if (!Number.isInteger(j)) throw shape('expected an integer');
    return Number.isSafeInteger(j) ? j : BigInt(j);
  }
  if (typeof j === 'string') {
    if (!DIGITS.test(j)) throw shape('expected an integer (number or numeric string)');
    if (j.length <= 15) return Number(j);
    j = BigInt(j);
  }
  if (typeof j === 'bigint') {
    return j >= BigInt(Number.MIN_SAFE_INTEGER) && j <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(j) : j;
  }
  throw shape('expected an integer');
}

/** INTEGER (min..max) with both bounds inside the safe integer range: a `number`. */
export function integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Schema<number> {
  return {
    def: { kind: 'integer', min, max, big: false },
    dec: (j) => {
      const v = readInteger(j);
      if (typeof v === 'bigint' || v < min || v > max) throw range(`integer ${v} outside ${min}..${max}`);
      return v;
    },
    enc: (v) => {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new EncodeFailure(`expected an integer, got ${String(v)}`);
      if (v < min || v > max) throw new EncodeFailure(`integer ${v} outside ${min}..${max}`);
      return String(v);
    },
  };
}

/** Unconstrained INTEGER: a `number`, or a `bigint` beyond 2^53. */
export function bigInteger(): Schema<number | bigint> {
  return {
    def: { kind: 'integer', min: -Infinity, max: Infinity, big: true },
    dec: readInteger,
    enc: (v) => {
      if (typeof v === 'bigint') return v.toString();
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new EncodeFailure(`expected an integer, got ${String(v)}`);
      return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
    },
  };
}

/** REAL text: always with a decimal point or exponent; specials as "NaN", "INF", "-INF". */
export function realText(x: number): string {
  if (Number.isInteger(x)) {
    if (x === 0) return 1 / x < 0 ? '-0.0' : '0.0';
    return Math.abs(x) < 1e21 ? `${x}.0` : String(x);
  }
  if (x === Infinity) return '"INF"';
  if (x === -Infinity) return '"-INF"';
  if (x !== x) return '"NaN"';
  return String(x);
}

/** REAL: JSON number; "NaN", "INF", "-INF", "-0" strings for the special values. */
export function real(): Schema<number> {
  return {
    def: { kind: 'real' },
    dec: (j) => {
      if (typeof j === 'number') return j;
      if (typeof j === 'bigint') return Number(j);
      if (j === 'NaN') return NaN;
      if (j === 'INF') return Infinity;
      if (j === '-INF') return -Infinity;
      if (j === '-0') return -0;
      throw shape('expected a REAL (number, "NaN", "INF" or "-INF")');
    },
    enc: (v) => {
      if (typeof v !== 'number') throw new EncodeFailure(`expected a number, got ${typeof v}`);
      return realText(v);
    },
  };
}

/** OCTET STRING (SIZE(min..max)): hex text (upper case on encode, either case on decode). */
export function octetString(minSize = 0, maxSize = Infinity): Schema<Uint8Array> {
  const sizeText = minSize === maxSize ? `${minSize}` : `${minSize}..${maxSize}`;
  return {
    def: { kind: 'octetString', minSize, maxSize },
    dec: (j) => {
      if (typeof j !== 'string') throw shape('expected an OCTET STRING (hex text)');
      const bytes = tryFromHex(j);
      if (bytes === undefined) throw shape('expected even-length hexadecimal text');
      if (bytes.length < minSize || bytes.length > maxSize) {
        throw range(`OCTET STRING of ${bytes.length} bytes, expected SIZE(${sizeText})`);
      }
      return bytes;
    },
    enc: (v) => {
      if (!(v instanceof Uint8Array)) throw new EncodeFailure('expected a Uint8Array');
      if (v.length < minSize || v.length > maxSize) {
        throw new EncodeFailure(`OCTET STRING of ${v.length} bytes, expected SIZE(${sizeText})`);
      }
      return `"${hex(v)}"`;
    },
  };
}

/** BIT STRING: `{"value":"A0","length":3}`. */
export function bitString(): Schema<BitString> {
  return {
    def: { kind: 'bitString' },
    dec: (j) => {
      if (!isRecord(j) || typeof j.value !== 'string') throw shape('expected a BIT STRING {"value":hex,"length":n}');
      const length = j.length;
      if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
        throw shape('BIT STRING length must be a non-negative integer');
      }
      const value = tryFromHex(j.value);
      if (value === undefined) throw shape('BIT STRING value must be even-length hexadecimal text');
      if (value.length !== Math.ceil(length / 8)) throw range(`BIT STRING of ${length} bits needs ${Math.ceil(length / 8)} bytes`);
      return { value, length };
    },
    enc: (v) => {
      if (!isRecord(v) || !(v.value instanceof Uint8Array) || !Number.isSafeInteger(v.length) || v.length < 0) {
        throw new EncodeFailure('expected a BitString {value: Uint8Array, length}');
      }
      if (v.value.length !== Math.ceil(v.length / 8)) throw new EncodeFailure(`BIT STRING of ${v.length} bits needs ${Math.ceil(v.length / 8)} bytes`);
      return `{"value":"${hex(v.value)}","length":${v.length}}`;
    },
  };
}

// Characters that make a string need JSON escaping (quotes, backslash, controls, surrogates).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal (fast path when nothing needs escaping). */
export function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** Length in characters (code points), as SIZE constraints of character strings count them. */
function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function sizeOk(s: string, minSize: number, maxSize: number): boolean {
  // UTF-16 length >= code point count, so most strings are settled without counting.
  if (s.length <= maxSize && s.length >= minSize) return true;
  const n = codePointLength(s);
  return n >= minSize && n <= maxSize;
}

/** UTF8String / VisibleString / GeneralizedTime / TIME-OF-DAY (SIZE(min..max)): a JSON string. */
export function string(minSize = 0, maxSize = Infinity, charset: StringCharset = 'utf8'): Schema<string> {
  return {
    def: { kind: 'string', minSize, maxSize, charset },
    dec: (j) => {
      if (typeof j !== 'string') throw shape('expected a string');
      if (!sizeOk(j, minSize, maxSize)) throw range(`string length outside SIZE(${minSize}..${maxSize})`);
      return j;
    },
    enc: (v) => {
      if (typeof v !== 'string') throw new EncodeFailure(`expected a string, got ${typeof v}`);
      if (!sizeOk(v, minSize, maxSize)) throw new EncodeFailure(`string length outside SIZE(${minSize}..${maxSize})`);
      return quote(v);
    },
  };
}

/** ENUMERATED: the identifier as a JSON string. */
export function enumerated<const N extends readonly string[]>(names: N): Schema<N[number]> {
  const known = new Set<string>(names);
  return {
    def: { kind: 'enumerated', names },
    dec: (j) => {
      if (typeof j !== 'string') throw shape('expected an ENUMERATED name (string)');
      if (!known.has(j)) throw range(`unknown ENUMERATED value ${JSON.stringify(j)}`);
      return j;
    },
    enc: (v) => {
      if (!known.has(v)) throw new EncodeFailure(`unknown ENUMERATED value ${JSON.stringify(v)}`);
      return `"${v}"`;
    },
  };
}
