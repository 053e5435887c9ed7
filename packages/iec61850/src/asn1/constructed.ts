// Schemas of the ASN.1 constructed types: SEQUENCE (OPTIONAL / DEFAULT), SEQUENCE OF, CHOICE, and
// lazy references for recursive types.
import { DecodeFailure, EncodeFailure, keySegment, withSegment } from './errors.js';
import type { AnySchema, DecodeCtx, FieldDef, Infer, Schema } from './schema.js';
import { MAX_DEPTH, isRecord } from './schema.js';

/** An OPTIONAL component: an optional property, absent from the JSON when absent. */
export interface OptionalField<T> {
  readonly mode: 'optional';
  readonly schema: Schema<T>;
}
/** A component with a DEFAULT: required in TS, filled on decode, omitted on encode when equal. */
export interface DefaultField<T> {
  readonly mode: 'default';
  readonly schema: Schema<T>;
  readonly value: T;
}

export function optional<T>(schema: Schema<T>): OptionalField<T> {
  return { mode: 'optional', schema };
}
export function withDefault<T extends string | number | boolean>(schema: Schema<T>, value: T): DefaultField<T> {
  return { mode: 'default', schema, value };
}

type AnyField = AnySchema | { readonly mode: 'optional'; readonly schema: AnySchema } | { readonly mode: 'default'; readonly schema: AnySchema; readonly value: unknown };
type Fields = Record<string, AnyField>;

type FieldType<X> = X extends Schema<infer T> ? T : X extends { readonly schema: Schema<infer T> } ? T : never;
type RequiredKeys<F> = { [K in keyof F]: F[K] extends { mode: 'optional' } ? never : K }[keyof F];
type OptionalKeys<F> = { [K in keyof F]: F[K] extends { mode: 'optional' } ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type SequenceType<F> = Simplify<
  { -readonly [K in RequiredKeys<F>]: FieldType<F[K]> } & { -readonly [K in OptionalKeys<F>]?: FieldType<F[K]> }
>;

function toFieldDef(name: string, f: AnyField): FieldDef {
  const inherited = name in Object.prototype;
  if ('mode' in f) {
    return f.mode === 'default'
      ? { name, mode: 'default', schema: f.schema, defaultValue: f.value, inherited }
      : { name, mode: 'optional', schema: f.schema, inherited };
  }
  return { name, mode: 'required', schema: f, inherited };
}

function decodeFields(fields: readonly FieldDef[], o: Record<string, unknown>, ctx: DecodeCtx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    // Field names that exist on Object.prototype need an own-property check; others do not.
    const v = f.inherited !== true || Object.hasOwn(o, f.name) ? o[f.name] : undefined;
    if (v === undefined) {
      if (f.mode === 'default') out[f.name] = f.defaultValue;
      else if (f.mode === 'required') throw withSegment(new DecodeFailure('shape', 'missing required field'), keySegment(f.name));
      continue;
    }
    try {
      out[f.name] = f.schema.dec(v, ctx);
    } catch (e) {
      throw withSegment(e, keySegment(f.name));
    }
  }
  return out;
}

function encodeFields(fields: readonly FieldDef[], keys: readonly string[], v: Record<string, unknown>): string {
  let s = '{';
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const x = v[f.name];
    if (x === undefined) {
      if (f.mode === 'required') throw withSegment(new EncodeFailure('missing required field'), keySegment(f.name));
      continue;
    }
    if (f.mode === 'default' && x === f.defaultValue) continue;
    let text: string;
    try {
      text = f.schema.enc(x as never);
    } catch (e) {
      throw withSegment(e, keySegment(f.name));
    }
    s += s.length === 1 ? keys[i]! + text : `,${keys[i]!}${text}`;
  }
  return `${s}}`;
}

/** SEQUENCE: a JSON object with the component names; unknown keys are ignored on decode. */
export function sequence<F extends Fields>(fieldSpecs: F): Schema<SequenceType<F>> {
  const fields = Object.entries(fieldSpecs).map(([name, f]) => toFieldDef(name, f));
  const keys = fields.map((f) => `${JSON.stringify(f.name)}:`);
  return {
    def: { kind: 'sequence', fields },
    dec: (j, ctx) => {
      if (!isRecord(j)) throw new DecodeFailure('shape', 'expected an object (SEQUENCE)');
      return decodeFields(fields, j, ctx) as SequenceType<F>;
    },
    enc: (v) => {
      if (!isRecord(v)) throw new EncodeFailure('expected an object (SEQUENCE)');
      return encodeFields(fields, keys, v);
    },
  };
}

/** SEQUENCE OF: a JSON array. */
export function sequenceOf<T>(item: Schema<T>): Schema<T[]> {
  return {
    def: { kind: 'sequenceOf', item },
    dec: (j, ctx) => {
      if (!Array.isArray(j)) throw new DecodeFailure('shape', 'expected an array (SEQUENCE OF)');
      const out = new Array<T>(j.length);
      for (let i = 0; i < j.length; i++) {
        try {
          out[i] = item.dec(j[i], ctx);
        } catch (e) {
          throw withSegment(e, `[${i}]`);
        }
      }
      return out;
    },
    enc: (v) => {
      if (!Array.isArray(v)) throw new EncodeFailure('expected an array (SEQUENCE OF)');
      let s = '[';
      for (let i = 0; i < v.length; i++) {
        let text: string;
        try {
          text = item.enc(v[i] as T);
        } catch (e) {
          throw withSegment(e, `[${i}]`);
        }
        s += i === 0 ? text : `,${text}`;
      }
      return `${s}]`;
    },
  };
}

export type ChoiceType<A> = { [K in keyof A & string]: { [P in K]: Infer<A[K]> } }[keyof A & string];

/** The single key of a one-key object, or a failure message. */
function soleKey(o: Record<string, unknown>): string | number {
  let key: string | undefined;
  let count = 0;
  for (const k in o) {
    if (count === 0) key = k;
    count++;
  }
  return count === 1 && key !== undefined ? key : count;
}

/** CHOICE: a JSON object with exactly one key, the name of the alternative. */
export function choice<A extends Record<string, AnySchema>>(alternatives: A): Schema<ChoiceType<A>> {
  const alts = new Map<string, AnySchema>(Object.entries(alternatives));
  const prefixes = new Map<string, string>([...alts.keys()].map((k) => [k, `{${JSON.stringify(k)}:`]));
  return {
    def: { kind: 'choice', alternatives: alts },
    dec: (j, ctx) => {
      if (!isRecord(j)) throw new DecodeFailure('shape', 'expected an object with one key (CHOICE)');
      const key = soleKey(j);
      if (typeof key === 'number') throw new DecodeFailure('shape', `expected exactly one alternative (CHOICE), got ${key} keys`);
      const alt = alts.get(key);
      if (alt === undefined) throw withSegment(new DecodeFailure('unknownAlternative', `unknown alternative ${JSON.stringify(key)}`), keySegment(key));
      const out: Record<string, unknown> = {};
      try {
        out[key] = alt.dec(j[key], ctx);
      } catch (e) {
        throw withSegment(e, keySegment(key));
      }
      return out as ChoiceType<A>;
    },
    enc: (v) => {
      if (!isRecord(v)) throw new EncodeFailure('expected an object with one key (CHOICE)');
      const key = soleKey(v);
      if (typeof key === 'number') throw new EncodeFailure(`expected exactly one alternative (CHOICE), got ${key} keys`);
      const alt = alts.get(key);
      if (alt === undefined) throw new EncodeFailure(`unknown alternative ${JSON.stringify(key)}`);
      try {
        return `${prefixes.get(key)!}${alt.enc(v[key] as never)}}`;
      } catch (e) {
        throw withSegment(e, keySegment(key));
      }
    },
  };
}

/** A reference resolved on first use, for recursive types; bounds the decoding depth. */
export function lazy<T>(get: () => Schema<T>): Schema<T> {
  let resolved: Schema<T> | undefined;
  const target = (): Schema<T> => (resolved ??= get());
  return {
    def: { kind: 'lazy', get: target },
    dec: (j, ctx) => {
      if (ctx.depth >= MAX_DEPTH) throw new DecodeFailure('range', `nesting deeper than ${MAX_DEPTH} levels`);
      ctx.depth++;
      try {
        return target().dec(j, ctx);
      } finally {
        ctx.depth--;
      }
    },
    enc: (v) => target().enc(v),
  };
}
