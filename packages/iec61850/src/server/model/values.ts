// Conversions between basic attribute types, plain JS values and tagged `Data` values.
import type { Data, Quality, TimeStamp, TypeSpecification } from '../../pdu/index.js';
import type { BasicType } from './types.js';

export const GOOD_QUALITY: Quality = { validity: 'good', source: 'process', test: false, operatorBlock: false };

/** IEC 61850 TimeStamp of a JS time in ms (fraction = 24-bit binary fraction of a second). */
export function timeStampOf(ms: number, accuracyBits = 10): TimeStamp {
  const seconds = Math.floor(ms / 1000);
  return {
    secondSinceEpoch: seconds,
    fractionOfSecond: Math.min(0xffffff, Math.floor(((ms - seconds * 1000) / 1000) * 0x1000000)),
    timeQuality: { leapSecondsKnown: true, clockFailure: false, clockNotSynchronized: false, timeAccuracy: accuracyBits },
  };
}

/** JS time in ms of an IEC 61850 TimeStamp. */
export function msOfTimeStamp(t: TimeStamp): number {
  return t.secondSinceEpoch * 1000 + Math.round((t.fractionOfSecond / 0x1000000) * 1000);
}

const DATA_KEY: Record<BasicType, string> = {
  boolean: 'boolean', int8: 'int8', int16: 'int16', int32: 'int32', int64: 'int64', int8u: 'int8u',
  int16u: 'int16u', int32u: 'int32u', float32: 'float32', enum: 'enumerated', quality: 'quality',
  timestamp: 'timeStamp', visString64: 'visString64', visString129: 'visString129',
  visString255: 'visString255', octetString64: 'octetString',
};

const INT_RANGE: Partial<Record<BasicType, [number, number]>> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647], int8u: [0, 255],
  int16u: [0, 65535], int32u: [0, 4294967295], enum: [0, 255],
};

const STRING_MAX: Partial<Record<BasicType, number>> = { visString64: 64, visString129: 129, visString255: 255 };

/** The `Data` alternative name of a basic type (`float32`, `enumerated`, ...). */
export function dataKeyOf(type: BasicType): string {
  return DATA_KEY[type];
}

export function defaultData(type: BasicType): Data {
  switch (type) {
    case 'boolean': return { boolean: false };
    case 'quality': return { quality: { ...GOOD_QUALITY } };
    case 'timestamp': return { timeStamp: timeStampOf(0) };
    case 'octetString64': return { octetString: new Uint8Array(64) };
    case 'visString64': return { visString64: '' };
    case 'visString129': return { visString129: '' };
    case 'visString255': return { visString255: '' };
    default: return toDataUnchecked(type, 0);
  }
}

function toDataUnchecked(type: BasicType, value: number | bigint): Data {
  return { [DATA_KEY[type]]: value } as unknown as Data;
}

/** Plain JS value → Data of the given type; undefined when it does not fit (type or range). */
export function toData(type: BasicType, value: unknown): Data | undefined {
  if (isData(value)) return checkData(type, value) ? value : undefined;
  switch (type) {
    case 'boolean': return typeof value === 'boolean' ? { boolean: value } : undefined;
    case 'float32': return typeof value === 'number' ? { float32: value } : undefined;
    case 'int64':
      if (typeof value === 'bigint') return { int64: value };
      return typeof value === 'number' && Number.isSafeInteger(value) ? { int64: value } : undefined;
    case 'visString64':
    case 'visString129':
    case 'visString255':
      return typeof value === 'string' && value.length <= (STRING_MAX[type] ?? 0)
        ? ({ [type]: value } as unknown as Data)
        : undefined;
    case 'quality': return isRecord(value) ? { quality: { ...GOOD_QUALITY, ...(value as Partial<Quality>) } } : undefined;
    case 'timestamp': return typeof value === 'number' ? { timeStamp: timeStampOf(value) } : undefined;
    case 'octetString64': return value instanceof Uint8Array && value.length === 64 ? { octetString: value } : undefined;
    default: {
      const range = INT_RANGE[type];
      if (!range || typeof value !== 'number' || !Number.isInteger(value)) return undefined;
      return value >= range[0] && value <= range[1] ? toDataUnchecked(type, value) : undefined;
    }
  }
}

/** Does a received Data value have this type (tag and integer range)? */
export function checkData(type: BasicType, data: Data): boolean {
  const key = DATA_KEY[type];
  if (!(key in data)) return false;
  const raw = (data as Record<string, unknown>)[key];
  const range = INT_RANGE[type];
  if (range) return typeof raw === 'number' && raw >= range[0] && raw <= range[1];
  if (type === 'octetString64') return raw instanceof Uint8Array && raw.length === 64;
  const max = STRING_MAX[type];
  if (max !== undefined) return typeof raw === 'string' && raw.length <= max;
  return true;
}

/** The primitive inside a Data value (number, bigint, boolean, string...), for range checks and hooks. */
export function primitiveOf(data: Data): unknown {
  return Object.values(data)[0];
}

export function numericOf(data: Data): number | undefined {
  const raw = primitiveOf(data);
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  return undefined;
}

export function typeSpecOf(type: BasicType): TypeSpecification {
  if (type === 'octetString64') return { octetString: 64 };
  return { [DATA_KEY[type]]: null } as unknown as TypeSpecification;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Uint8Array);
}

const DATA_KEYS = new Set(Object.values(DATA_KEY).concat(['array', 'structure', 'int24', 'int24u', 'bitstring', 'check', 'generalizedtime', 'binarytime']));

export function isData(x: unknown): x is Data {
  if (!isRecord(x)) return false;
  const keys = Object.keys(x);
  return keys.length === 1 && DATA_KEYS.has(keys[0] ?? '');
}

/** Structural equality of two Data values (for dchg / qchg detection). */
export function sameData(a: Data, b: Data): boolean {
  return stableText(a) === stableText(b);
}

function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
    if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
    return v;
  });
}
