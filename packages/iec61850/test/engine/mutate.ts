// Frame mutators for the fuzz test: bit flips, truncation, key swaps, type swaps, huge numbers.
// Deterministic (seeded PRNG) so a failure can be replayed.

export type Rng = () => number;

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const KEYS = ['request', 'response', 'unconfirmed', 'associate', 'service', 'invokeId', 'associateId', 'ref', 'fc', 'data', 'float32', 'structure', 'report', 'entry', 'operate', 'ctlVal', 'rptEna', 'getDataValues', 'serviceError'];
const ODD_VALUES: unknown[] = [
  null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 2, 1e20, 4294967296, 65536, 0.5, '', 'NaN', 'INF', '-INF',
  'x'.repeat(300), '00', 'ZZ', [], {}, [1, 2, 3], { a: 1 }, { float32: 'x' }, '18446744073709551616',
];
const HUGE = ['1e999', '-1e999', '18446744073709551616', '123456789012345678901234567890', '1.7976931348623157e309', '-0', '0.000000000000000000001'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every container (object or array) inside a JSON value, with a path to replace children. */
function containers(value: Json, out: (Json[] | { [k: string]: Json })[] = []): (Json[] | { [k: string]: Json })[] {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, out);
  }
  return out;
}

/** The `service` payload of an envelope (request / response / unconfirmed), if any. */
function servicePayload(root: Json): Json | undefined {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const body = Object.values(root)[0];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  return body.service;
}

function structural(text: string, rng: Rng, inPayload = false): string {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    return text;
  }
  const payload = inPayload ? servicePayload(root) : undefined;
  const all = containers(payload ?? root);
  const target = pick(rng, all);
  const keys = Array.isArray(target) ? target.map((_v, i) => String(i)) : Object.keys(target);
  if (keys.length === 0) return JSON.stringify(root);
  const key = pick(rng, keys);
  const kind = rng();
  const rec = target as Record<string, Json>;
  if (kind < 0.3 && !Array.isArray(target)) {
    // key swap: rename a key (to another known key or a sibling's)
    const value = rec[key] as Json;
    delete rec[key];
    rec[pick(rng, [...KEYS, ...keys])] = value;
  } else if (kind < 0.45 && !Array.isArray(target) && keys.length > 1) {
    // swap the values of two sibling keys
    const other = pick(rng, keys);
    const tmp = rec[key] as Json;
    rec[key] = rec[other] as Json;
    rec[other] = tmp;
  } else if (kind < 0.85) {
    // type swap
    rec[key] = pick(rng, ODD_VALUES) as Json;
  } else {
    // drop a field / element
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete rec[key];
  }
  return JSON.stringify(root);
}

function hugeNumber(text: string, rng: Rng): string {
  const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
  const m = numbers.length > 0 ? pick(rng, numbers) : undefined;
  if (m?.index === undefined) return text;
  return text.slice(0, m.index) + pick(rng, HUGE) + text.slice(m.index + m[0].length);
}

function bitFlip(text: string, rng: Rng): string {
  const bytes = Buffer.from(text, 'utf8');
  const flips = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(rng() * bytes.length);
    bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(rng() * 7));
  }
  return bytes.toString('utf8');
}

function truncate(text: string, rng: Rng): string {
  return text.slice(0, Math.floor(rng() * text.length));
}

const payloadStructural = (text: string, rng: Rng): string => structural(text, rng, true);

export const MUTATORS = { bitFlip, truncate, structural, payloadStructural, hugeNumber } as const;

/**
 * One mutation, weighted towards frames that still parse and keep their envelope (they reach the
 * service code instead of ending the association at the first byte).
 */
export function mutate(text: string, rng: Rng): { kind: keyof typeof MUTATORS; frame: string } {
  const r = rng();
  const kind: keyof typeof MUTATORS =
    r < 0.08 ? 'bitFlip' : r < 0.14 ? 'truncate' : r < 0.3 ? 'structural' : r < 0.85 ? 'payloadStructural' : 'hugeNumber';
  let frame = MUTATORS[kind](text, rng);
  if (kind === 'payloadStructural' && rng() < 0.3) frame = payloadStructural(frame, rng);
  return { kind, frame };
}
