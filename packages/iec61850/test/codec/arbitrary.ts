// fast-check arbitraries derived from the schema objects, so every type the schemas describe is
// generated without hand-written generators. Values come out in decoded form (DEFAULTs present,
// OPTIONALs present or absent, bigint only beyond 2^53).
import fc from 'fast-check';
import type { AnySchema, Schema, SchemaDef } from '../../src/asn1/index.js';

export interface ArbitraryOptions {
  /** How many recursive (lazy) references may be followed before only leaves are generated. */
  maxDepth: number;
  /** Longest generated SEQUENCE OF. */
  maxItems: number;
}

const recursive = new Map<AnySchema, boolean>();

/** Whether a schema can reach a lazy (recursive) reference. */
function canRecurse(s: AnySchema): boolean {
  const known = recursive.get(s);
  if (known !== undefined) return known;
  const d = s.def;
  let r = false;
  if (d.kind === 'lazy') r = true;
  else if (d.kind === 'sequence') r = d.fields.some((f) => canRecurse(f.schema));
  else if (d.kind === 'sequenceOf') r = canRecurse(d.item);
  else if (d.kind === 'choice') r = [...d.alternatives.values()].some(canRecurse);
  recursive.set(s, r);
  return r;
}

const MAX_BIG = 2n ** 70n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function integerArb(d: Extract<SchemaDef, { kind: 'integer' }>): fc.Arbitrary<unknown> {
  if (!d.big) {
    // fc.integer is limited to 32-bit bounds; wider ranges go through bigInt.
    if (d.min >= -(2 ** 31) && d.max < 2 ** 31) return fc.integer({ min: d.min, max: d.max });
    return fc.bigInt({ min: BigInt(d.min), max: BigInt(d.max) }).map(Number);
  }
  return fc.oneof(fc.maxSafeInteger(), fc.bigInt({ min: SAFE + 1n, max: MAX_BIG }), fc.bigInt({ min: -MAX_BIG, max: -SAFE - 1n }));
}

function stringArb(d: Extract<SchemaDef, { kind: 'string' }>): fc.Arbitrary<string> {
  const unit = d.charset === 'utf8' ? 'binary' : 'grapheme-ascii';
  return fc.string({ unit, minLength: d.minSize, maxLength: Math.max(d.minSize, Math.min(d.maxSize, 24)) });
}

const bitStringArb = fc.nat(40).chain((length) =>
  fc.uint8Array({ minLength: Math.ceil(length / 8), maxLength: Math.ceil(length / 8) }).map((value) => ({ value, length })),
);

function build(s: AnySchema, depth: number, exhausted: boolean, o: ArbitraryOptions): fc.Arbitrary<unknown> {
  const d = s.def;
  switch (d.kind) {
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'integer':
      return integerArb(d);
    case 'real':
      return fc.double();
    case 'octetString':
      return fc.uint8Array({ minLength: d.minSize, maxLength: Math.max(d.minSize, Math.min(d.maxSize, 16)) });
    case 'bitString':
      return bitStringArb;
    case 'string':
      return stringArb(d);
    case 'enumerated':
      return fc.constantFrom(...d.names);
    case 'lazy':
      return depth >= o.maxDepth ? build(d.get(), depth, true, o) : fc.constant(null).chain(() => build(d.get(), depth + 1, false, o));
    case 'sequenceOf':
      if (exhausted && canRecurse(d.item)) return fc.constant([]);
      return fc.array(build(d.item, depth, exhausted, o), { maxLength: o.maxItems });
    case 'sequence': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of d.fields) model[f.name] = build(f.schema, depth, exhausted, o);
      const requiredKeys = d.fields.filter((f) => f.mode !== 'optional').map((f) => f.name);
      return fc.record(model, { requiredKeys });
    }
    case 'choice': {
      let alts = [...d.alternatives.entries()];
      if (exhausted) alts = alts.filter(([, a]) => !canRecurse(a));
      return fc.oneof(...alts.map(([k, a]) => build(a, depth, exhausted, o).map((v) => ({ [k]: v }))));
    }
  }
}

/** An arbitrary of the values a schema accepts. */
export function arbitraryOf<T>(schema: Schema<T>, options: Partial<ArbitraryOptions> = {}): fc.Arbitrary<T> {
  return build(schema, 0, false, { maxDepth: 2, maxItems: 3, ...options }) as fc.Arbitrary<T>;
}
