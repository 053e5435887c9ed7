// One received report → typed rows in domain terms, through the profile table. Pure: no I/O.
// Entries arrive one per data attribute (`LD/LN.DO.mag.f`, `.q`, `.t`); they are regrouped per
// data object, validated, and turned into samples. Anything that does not fit is returned as a
// problem for the caller to count and log with the device id — never thrown.
import type { ClientReport } from '@dso/iec61850';
import { parseDataRef, resolveObject, type ValueKind } from './profile.js';
import { deviceTime, encodeQuality, numberOf, qualityOf, timeStampOf } from './quality.js';

export interface SampleRow {
  chargePointId: string;
  evseNo: number;
  measurand: string;
  kind: ValueKind;
  value: number;
  deviceTimeMs: number;
  receivedAtMs: number;
  validity: number;
  qualityFlags: number;
  timeQuality: number;
  late: 0 | 1;
}

export type ProblemKind = 'badReference' | 'unknownLogicalDevice' | 'notInProfile' | 'badValue' | 'futureTimestamp';

export interface Problem {
  kind: ProblemKind;
  ref: string;
}

export interface MapContext {
  /** The charge point id of an LD of this association (undefined: not known/approved). */
  chargePointOf: (ld: string) => string | undefined;
  receivedAtMs: number;
  /** Back-filled report (a buffered entry from before this association). */
  backFilled: boolean;
  /** A value whose device time is older than this (relative to receipt) counts as late. */
  lateAfterMs: number;
  maxFutureMs: number;
  /** units.multiplier of a data object of an LD (power of ten), if not 0 */
  multiplierOf?: (ld: string, object: string) => number | undefined;
}

interface Group {
  ld: string;
  object: string;
  value?: ClientReport['entries'][number]['value'];
  hasValue: boolean;
  gi: boolean;
  q?: ClientReport['entries'][number]['value'];
  t?: ClientReport['entries'][number]['value'];
}

function groupEntries(report: ClientReport, problems: Problem[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const e of report.entries) {
    const parsed = parseDataRef(e.dataRef);
    if (!parsed) {
      problems.push({ kind: 'badReference', ref: e.dataRef });
      continue;
    }
    if (parsed.attribute === 'unused') continue;
    const key = `${parsed.ld}/${parsed.object}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ld: parsed.ld, object: parsed.object, hasValue: false, gi: false }));
    if (parsed.attribute === 'value') {
      g.value = e.value;
      g.hasValue = true;
      g.gi = e.reason.generalInterrogation;
    } else if (parsed.attribute === 'q') g.q = e.value;
    else g.t = e.value;
  }
  return groups;
}

export function mapReport(report: ClientReport, ctx: MapContext): { samples: SampleRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const samples: SampleRow[] = [];
  for (const g of groupEntries(report, problems).values()) {
    if (!g.hasValue) continue; // q/t without a value (not in this profile's data sets)
    const ref = `${g.ld}/${g.object}`;
    const chargePointId = ctx.chargePointOf(g.ld);
    if (chargePointId === undefined) {
      problems.push({ kind: 'unknownLogicalDevice', ref });
      continue;
    }
    const resolved = resolveObject(g.object);
    if (!resolved) {
      problems.push({ kind: 'notInProfile', ref });
      continue;
    }
    const raw = numberOf(g.value);
    if (raw === undefined) {
      problems.push({ kind: 'badValue', ref });
      continue;
    }
    const time = deviceTime(timeStampOf(g.t), report.timeOfEntry, ctx.receivedAtMs, ctx.maxFutureMs);
    if (time.future) problems.push({ kind: 'futureTimestamp', ref });
    const q = encodeQuality(qualityOf(g.q));
    // a GI answers with the current value and its (possibly old) time stamp: that is not lateness
    const late = ctx.backFilled || (!g.gi && ctx.receivedAtMs - time.ms > ctx.lateAfterMs) ? 1 : 0;
    samples.push({
      chargePointId,
      evseNo: resolved.evseNo,
      measurand: resolved.entry.measurand,
      kind: resolved.entry.kind,
      value: raw * resolved.entry.scale * 10 ** (ctx.multiplierOf?.(g.ld, g.object) ?? 0),
      deviceTimeMs: time.ms,
      receivedAtMs: ctx.receivedAtMs,
      validity: q.validity,
      qualityFlags: q.flags,
      timeQuality: time.timeQuality,
      late,
    });
  }
  return { samples, problems };
}
