// The schema model: one object per ASN.1 type drives the JER decoder, the JER encoder, the TS type
// (through Infer) and the property-test arbitraries (through `def`). A tiny zod for ASN.1 JER.

/** Decoder state shared along one decode call (nesting depth of recursive types). */
export interface DecodeCtx {
  depth: number;
}

/** Maximum nesting of recursive types (Data in Data, TypeSpecification in TypeSpecification...). */
export const MAX_DEPTH = 64;

/**
 * A schema for values of type T. `dec` and `enc` are function-typed properties, so Schema<T> is
 * invariant in T: a hand-written type annotated on a schema must match it exactly.
 */
export interface Schema<T> {
  readonly def: SchemaDef;
  /** Validates JSON (as parsed) and builds the value; throws DecodeFailure. */
  readonly dec: (json: unknown, ctx: DecodeCtx) => T;
  /** Writes the JER text of a value; throws EncodeFailure. */
  readonly enc: (value: T) => string;
}

/** A schema with its type erased (for runtime code and definitions). */
export interface AnySchema {
  readonly def: SchemaDef;
  dec(json: unknown, ctx: DecodeCtx): unknown;
  enc(value: never): string;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export interface FieldDef {
  readonly name: string;
  readonly mode: 'required' | 'optional' | 'default';
  readonly schema: AnySchema;
  /** The DEFAULT value (a primitive), when mode is 'default'. */
  readonly defaultValue?: unknown;
  /** The name also exists on Object.prototype (decoding then checks for an own property). */
  readonly inherited?: boolean;
}

export type StringCharset = 'utf8' | 'visible' | 'time';

/** Describes a schema for generic consumers (arbitraries, documentation). */
export type SchemaDef =
  | { readonly kind: 'boolean' }
  | { readonly kind: 'null' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly big: boolean }
  | { readonly kind: 'real' }
  | { readonly kind: 'octetString'; readonly minSize: number; readonly maxSize: number }
  | { readonly kind: 'bitString' }
  | { readonly kind: 'string'; readonly minSize: number; readonly maxSize: number; readonly charset: StringCharset }
  | { readonly kind: 'enumerated'; readonly names: readonly string[] }
  | { readonly kind: 'sequence'; readonly fields: readonly FieldDef[] }
  | { readonly kind: 'sequenceOf'; readonly item: AnySchema }
  | { readonly kind: 'choice'; readonly alternatives: ReadonlyMap<string, AnySchema> }
  | { readonly kind: 'lazy'; readonly get: () => AnySchema };

/** BIT STRING value: the bytes (first bit = MSB of the first byte) and the number of bits. */
export interface BitString {
  value: Uint8Array;
  length: number;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
