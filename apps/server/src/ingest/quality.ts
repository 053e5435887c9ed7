// Quality and time quality of IEC 61850 values as the small integers the samples table stores.
import type { Data, Quality, TimeStamp } from '@dso/iec61850';
import { millisFromTimeStamp } from '@dso/iec61850';

export const VALIDITY = { good: 0, invalid: 1, questionable: 2 } as const;
export type ValidityCode = (typeof VALIDITY)[keyof typeof VALIDITY];

/** qualityFlags bits */
export const QF = {
  overflow: 1,
  outOfRange: 2,
  badReference: 4,
  oscillatory: 8,
  failure: 16,
  oldData: 32,
  inconsistent: 64,
  inaccurate: 128,
  substituted: 256,
  test: 512,
  operatorBlock: 1024,
  /** set by the server: the device's association was lost after this value (questionable-on-loss) */
  linkLost: 2048,
} as const;

/** timeQuality bits */
export const TQ = {
  clockFailure: 1,
  clockNotSynchronized: 2,
  /** set by the server: the device time was missing or implausible; receive time used instead */
  serverTime: 4,
} as const;

export interface EncodedQuality {
  validity: ValidityCode;
  flags: number;
}

export function encodeQuality(q: Quality | undefined): EncodedQuality {
  if (!q) return { validity: VALIDITY.good, flags: 0 };
  const validity = q.validity === 'good' ? VALIDITY.good : q.validity === 'questionable' ? VALIDITY.questionable : VALIDITY.invalid;
  let flags = 0;
  const d = q.detailQual;
  if (d) {
    for (const [name, bit] of Object.entries(QF) as Array<[keyof typeof QF, number]>) {
      if (name in d && (d as Record<string, boolean>)[name]) flags |= bit;
    }
  }
  if (q.source === 'substituted') flags |= QF.substituted;
  if (q.test) flags |= QF.test;
  if (q.operatorBlock) flags |= QF.operatorBlock;
  return { validity, flags };
}

/** Whether a value may enter operational totals and rollups (good, not test). */
export const isOperational = (validity: number, flags: number) => validity === VALIDITY.good && (flags & QF.test) === 0;

export interface DeviceTime {
  ms: number;
  timeQuality: number;
}

/**
 * The device time of a value: its `t`, else the report's time of entry, else the receive time.
 * A time more than `maxFutureMs` ahead of the receive time is replaced by the receive time and
 * flagged (TQ.serverTime); `future` tells the caller to count it as bad input.
 */
export function deviceTime(t: TimeStamp | undefined, fallback: TimeStamp | undefined, receivedAtMs: number, maxFutureMs: number) {
  const ts = t && t.secondSinceEpoch > 0 ? t : fallback && fallback.secondSinceEpoch > 0 ? fallback : undefined;
  if (!ts) return { ms: receivedAtMs, timeQuality: TQ.serverTime, future: false };
  let timeQuality = 0;
  if (ts.timeQuality.clockFailure) timeQuality |= TQ.clockFailure;
  if (ts.timeQuality.clockNotSynchronized) timeQuality |= TQ.clockNotSynchronized;
  const ms = Math.round(millisFromTimeStamp(ts)); // whole ms, as stored (BigInt) on both providers
  if (ms - receivedAtMs > maxFutureMs) return { ms: receivedAtMs, timeQuality: timeQuality | TQ.serverTime, future: true };
  return { ms, timeQuality, future: false };
}

/** A Data value as a number (booleans 0/1), or undefined for non-numeric alternatives. */
export function numberOf(data: Data | undefined): number | undefined {
  if (!data) return undefined;
  if ('float32' in data) return Number.isFinite(data.float32) ? data.float32 : undefined;
  if ('boolean' in data) return data.boolean ? 1 : 0;
  if ('enumerated' in data) return data.enumerated;
  if ('int64' in data) return Number(data.int64);
  for (const key of ['int8', 'int16', 'int24', 'int32', 'int8u', 'int16u', 'int24u', 'int32u'] as const) {
    if (key in data) return (data as Record<typeof key, number>)[key];
  }
  if ('structure' in data && data.structure.data.length === 1) return numberOf(data.structure.data[0]);
  return undefined;
}

export const qualityOf = (data: Data | undefined): Quality | undefined => (data && 'quality' in data ? data.quality : undefined);
export const timeStampOf = (data: Data | undefined): TimeStamp | undefined => (data && 'timeStamp' in data ? data.timeStamp : undefined);
