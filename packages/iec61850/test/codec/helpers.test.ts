import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, hex, parseJsonExact, parseJsonText } from '../../src/asn1/index.js';
import {
  bigIntFromEntryId, dateFromTimeStamp, entryIdFromBigInt, millisFromTimeStamp, orIdentFromString, quality,
  stringFromOrIdent, timeStampFromDate,
} from '../../src/pdu/index.js';

describe('value helpers', () => {
  it('quality() is good / process by default and takes overrides', () => {
    expect(quality()).toEqual({ validity: 'good', source: 'process', test: false, operatorBlock: false });
    expect(quality({ validity: 'questionable', test: true })).toMatchObject({ validity: 'questionable', test: true, source: 'process' });
  });

  it('timeStampFromDate uses 1/2^24 s fractions and round-trips to the millisecond', () => {
    const ts = timeStampFromDate(new Date('2026-01-01T00:00:00.500Z'));
    expect(ts).toEqual({
      secondSinceEpoch: 1767225600,
      fractionOfSecond: 8388608,
      timeQuality: { leapSecondsKnown: true, clockFailure: false, clockNotSynchronized: false, timeAccuracy: 10 },
    });
    expect(timeStampFromDate(0, { clockNotSynchronized: true }).timeQuality.clockNotSynchronized).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4294967295999 }), (ms) => {
        const t = timeStampFromDate(ms);
        expect(t.fractionOfSecond).toBeLessThan(2 ** 24);
        expect(dateFromTimeStamp(t).getTime()).toBe(ms);
        expect(Math.abs(millisFromTimeStamp(t) - ms)).toBeLessThan(0.001);
      }),
      { numRuns: 500 },
    );
  });

  it('EntryID is 8 bytes big-endian', () => {
    expect(hex(entryIdFromBigInt(42n))).toBe('000000000000002A');
    expect(bigIntFromEntryId(fromHex('FFFFFFFFFFFFFFFF'))).toBe(2n ** 64n - 1n);
    expect(() => entryIdFromBigInt(2n ** 64n)).toThrow(RangeError);
    expect(() => bigIntFromEntryId(new Uint8Array(7))).toThrow(RangeError);
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (n) => bigIntFromEntryId(entryIdFromBigInt(n)) === n));
  });

  it('orIdent is UTF-8 zero-padded to 64 bytes', () => {
    const id = orIdentFromString('operator-é');
    expect(id.length).toBe(64);
    expect(stringFromOrIdent(id)).toBe('operator-é');
    expect(() => orIdentFromString('x'.repeat(65))).toThrow(RangeError);
  });

  it('hex is upper case out and either case in; fromHex refuses odd or non-hex text', () => {
    expect(hex(new Uint8Array([0, 0xab, 0xff]))).toBe('00ABFF');
    expect(fromHex('00abFF')).toEqual(new Uint8Array([0, 0xab, 0xff]));
    expect(() => fromHex('ABC')).toThrow(RangeError);
    expect(() => fromHex('0G')).toThrow(RangeError);
  });
});

describe('exact JSON parser (integers beyond 2^53)', () => {
  it('keeps big integers exact and leaves everything else as JSON.parse does', () => {
    expect(parseJsonText('{"a":[12345678901234567890,-98765432109876543210,1.5,2e3]}')).toEqual({ a: [12345678901234567890n, -98765432109876543210n, 1.5, 2000] });
    expect(parseJsonText('{"s":"a\\"b\\\\c\\u00e9","t":true,"f":false,"n":null,"x":1234567890123456}')).toEqual({ s: 'a"b\\cé', t: true, f: false, n: null, x: 1234567890123456 });
  });

  it('agrees with JSON.parse on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        // Same values, except that integers beyond 2^53 come out exact (as bigint).
        const toNumbers = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_k, y: unknown) => (typeof y === 'bigint' ? Number(y) : y))) as unknown;
        expect(toNumbers(parseJsonExact(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what JSON.parse refuses', () => {
    for (const bad of ['', '{', '[1,]', '{"a" 1}', '01', '-', 'tru', '"abc', '[1] 2', '{"a":1,}', '"\u0001"']) {
      expect(() => parseJsonExact(bad), bad).toThrow(SyntaxError);
      expect(() => JSON.parse(bad) as unknown, bad).toThrow(SyntaxError);
    }
  });
});
