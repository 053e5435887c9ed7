import { describe, expect, it } from 'vitest';
import {
  bigInteger, boolean, choice, decodeJer, decodeJerText, encodeJer, integer, optional, real, realText, sequence, string,
  withDefault,
} from '../../src/asn1/index.js';

describe('REAL text', () => {
  it.each([
    [50, '50.0'], [0, '0.0'], [-0, '-0.0'], [-7, '-7.0'], [0.1, '0.1'], [1.5e-7, '1.5e-7'], [1e21, '1e+21'],
    [123456789012345680000, '123456789012345680000.0'], [NaN, '"NaN"'], [Infinity, '"INF"'], [-Infinity, '"-INF"'],
  ])('%d is written %s', (x, text) => {
    expect(realText(x)).toBe(text);
    expect(decodeJerText(real(), text)).toEqual({ ok: true, value: x });
  });
});

describe('SEQUENCE with OPTIONAL and DEFAULT', () => {
  const S = sequence({ a: integer(0, 9), b: optional(string()), c: withDefault(boolean(), true), d: withDefault(integer(0, 99), 0) });

  it('fills DEFAULTs and leaves OPTIONALs absent', () => {
    const r = decodeJer(S, { a: 1 });
    expect(r).toEqual({ ok: true, value: { a: 1, c: true, d: 0 } });
    expect(r.ok && 'b' in r.value).toBe(false);
  });

  it('omits fields equal to their DEFAULT and keeps the schema order', () => {
    expect(encodeJer(S, { d: 5, c: true, b: 'x', a: 2 })).toBe('{"a":2,"b":"x","d":5}');
    expect(encodeJer(S, { a: 2, c: false, d: 0 })).toBe('{"a":2,"c":false}');
  });

  it('does not take a field from Object.prototype', () => {
    const P = sequence({ toString: string() });
    expect(decodeJer(P, {})).toMatchObject({ ok: false, error: { path: '$.toString', kind: 'shape' } });
    expect(decodeJer(P, { toString: 'x' })).toEqual({ ok: true, value: { toString: 'x' } });
  });
});

describe('strings', () => {
  it('escape what JSON needs and nothing else', () => {
    const S = string();
    for (const s of ['plain', 'quote " and \\ backslash', 'tab\tnew\nline\u0001', 'é€😀', 'lone \ud800 surrogate']) {
      const text = encodeJer(S, s);
      expect(JSON.parse(text)).toBe(s);
      expect(decodeJerText(S, text)).toEqual({ ok: true, value: s });
    }
    expect(encodeJer(S, 'é€')).toBe('"é€"');
  });

  it('count SIZE in characters, not UTF-16 units or bytes', () => {
    const S = string(0, 3);
    expect(decodeJer(S, '😀😀😀').ok).toBe(true);
    expect(decodeJer(S, '😀😀😀😀')).toMatchObject({ ok: false, error: { kind: 'range' } });
    expect(decodeJer(string(1, 4), '')).toMatchObject({ ok: false, error: { kind: 'range' } });
  });
});

describe('integers', () => {
  it('accept numeric strings, keep big unconstrained ones exact', () => {
    expect(decodeJer(integer(0, 10), '7')).toEqual({ ok: true, value: 7 });
    expect(decodeJer(integer(0, 10), '0000000000000000007')).toEqual({ ok: true, value: 7 });
    expect(decodeJer(integer(0, 10), '99999999999999999999')).toMatchObject({ ok: false, error: { kind: 'range' } });
    expect(decodeJer(bigInteger(), '99999999999999999999')).toEqual({ ok: true, value: 99999999999999999999n });
    expect(decodeJer(bigInteger(), '-12')).toEqual({ ok: true, value: -12 });
    expect(decodeJer(integer(), 2 ** 60)).toMatchObject({ ok: false, error: { kind: 'range' } });
    expect(decodeJer(integer(), '1e3')).toMatchObject({ ok: false, error: { kind: 'shape' } });
  });

  it('write bigints and numbers as plain JSON integers', () => {
    expect(encodeJer(bigInteger(), 2n ** 64n)).toBe('18446744073709551616');
    expect(encodeJer(bigInteger(), 2 ** 60)).toBe('1152921504606846976');
    expect(() => encodeJer(integer(0, 9), 1.5)).toThrow(/expected an integer/);
  });
});

describe('CHOICE', () => {
  const C = choice({ a: integer(), b: string() });
  it('needs exactly one known key', () => {
    expect(decodeJerText(C, '{"b":"x"}')).toEqual({ ok: true, value: { b: 'x' } });
    expect(decodeJerText(C, '{"__proto__":1}')).toMatchObject({ ok: false, error: { kind: 'unknownAlternative', path: '$.__proto__' } });
    expect(decodeJerText(C, '{"a":1,"b":"x"}')).toMatchObject({ ok: false, error: { kind: 'shape', path: '$' } });
    expect(decodeJerText(C, '{"odd key":1}')).toMatchObject({ ok: false, error: { path: '$["odd key"]' } });
  });
});
