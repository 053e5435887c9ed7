// Small constructors for values the engines and the simulator build all the time.
import type { DetailQual, Quality, ReasonForInclusionInLog, TimeQuality, TimeStamp, TrgOps } from './common.js';

/** Quality, good / process / not test by default. */
export function quality(partial: Partial<Quality> = {}): Quality {
  return { validity: 'good', source: 'process', test: false, operatorBlock: false, ...partial };
}

/** DetailQual with every flag false unless given. */
export function detailQual(partial: Partial<DetailQual> = {}): DetailQual {
  return {
    overflow: false, outOfRange: false, badReference: false, oscillatory: false,
    failure: false, oldData: false, inconsistent: false, inaccurate: false, ...partial,
  };
}

/** TrgOps with every trigger false unless given. */
export function trgOps(partial: Partial<TrgOps> = {}): TrgOps {
  return { dchg: false, qchg: false, dupd: false, integrity: false, gi: false, ...partial };
}

/** ReasonForInclusionInLog with every flag false unless given. */
export function reasonCode(partial: Partial<ReasonForInclusionInLog> = {}): ReasonForInclusionInLog {
  return {
    dataChange: false, qualityChange: false, dataUpdate: false, integrity: false,
    generalInterrogation: false, applicationTrigger: false, ...partial,
  };
}

/** TimeQuality: leap seconds known, clock fine, accuracy 10 bits (about 1 ms) unless given. */
export function timeQuality(partial: Partial<TimeQuality> = {}): TimeQuality {
  return { leapSecondsKnown: true, clockFailure: false, clockNotSynchronized: false, timeAccuracy: 10, ...partial };
}

const FRACTION_UNITS = 2 ** 24;

/** TimeStamp of a date (or epoch milliseconds): seconds since 1970 + fraction in 1/2^24 s. */
export function timeStampFromDate(date: Date | number, tq: Partial<TimeQuality> = {}): TimeStamp {
  const ms = typeof date === 'number' ? date : date.getTime();
  const secondSinceEpoch = Math.floor(ms / 1000);
  const fractionOfSecond = Math.min(FRACTION_UNITS - 1, Math.round(((ms - secondSinceEpoch * 1000) / 1000) * FRACTION_UNITS));
  return { secondSinceEpoch, fractionOfSecond, timeQuality: timeQuality(tq) };
}

/** Epoch milliseconds of a TimeStamp (fraction kept, not rounded). */
export function millisFromTimeStamp(ts: TimeStamp): number {
  return ts.secondSinceEpoch * 1000 + (ts.fractionOfSecond * 1000) / FRACTION_UNITS;
}

/** Date of a TimeStamp (rounded to the millisecond). */
export function dateFromTimeStamp(ts: TimeStamp): Date {
  return new Date(Math.round(millisFromTimeStamp(ts)));
}

/** EntryID (8 bytes, big-endian) of an unsigned 64-bit number. */
export function entryIdFromBigInt(n: bigint): Uint8Array {
  if (n < 0n || n >= 1n << 64n) throw new RangeError(`EntryID out of range: ${n}`);
  const id = new Uint8Array(8);
  new DataView(id.buffer).setBigUint64(0, n);
  return id;
}

/** The unsigned 64-bit number of an 8-byte EntryID. */
export function bigIntFromEntryId(id: Uint8Array): bigint {
  if (id.length !== 8) throw new RangeError(`EntryID must be 8 bytes, got ${id.length}`);
  return new DataView(id.buffer, id.byteOffset, 8).getBigUint64(0);
}

const OR_IDENT_SIZE = 64;

/** orIdent of a text: its UTF-8 bytes, zero-padded to 64 bytes (RangeError when longer). */
export function orIdentFromString(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > OR_IDENT_SIZE) throw new RangeError(`orIdent longer than ${OR_IDENT_SIZE} bytes`);
  const out = new Uint8Array(OR_IDENT_SIZE);
  out.set(bytes);
  return out;
}

/** Text of an orIdent: the UTF-8 bytes up to the first zero byte. */
export function stringFromOrIdent(orIdent: Uint8Array): string {
  const end = orIdent.indexOf(0);
  return Buffer.from(orIdent.buffer, orIdent.byteOffset, end < 0 ? orIdent.length : end).toString('utf8');
}
