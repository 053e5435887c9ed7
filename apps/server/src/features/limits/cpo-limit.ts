// The CPO limit (use case 3.7): the CPO lowers power for its own reasons; the charge point (or
// the CPO gateway's LD) reports it in DWMX2.WMaxSpt. The DSO shows it as a constraint with source
// CPO and never writes it.
import { DomainError } from '../../errors.js';
import type { LimitSchedule } from './limit-schedule.js';

export interface ReportedCpoLimit {
  chargePointId: string;
  /** DWMX2.WMaxSpt as reported, already mapped to W by ingest. */
  importLimitW: number;
  /** The device's time stamp of the value. */
  reportedAt: Date;
}

/** A reported CPO limit as a schedule: in force from its time stamp until the next report. */
export function cpoLimitSchedule(reported: ReportedCpoLimit): LimitSchedule {
  return {
    id: `cpo:${reported.chargePointId}`,
    target: { kind: 'chargePoint', chargePointId: reported.chargePointId },
    source: 'CPO',
    priority: 0,
    importLimitW: Math.max(0, reported.importLimitW),
    startsAt: reported.reportedAt,
    endsAt: null,
    createdBy: 'CPO (reported in DWMX2.WMaxSpt)',
    createdAt: reported.reportedAt,
    reason: 'commercial limit set by the CPO',
  };
}

/** Guards the write path: the DSO only ever writes DSO schedules. */
export function assertDsoWritable(schedule: Pick<LimitSchedule, 'source' | 'id'>): void {
  if (schedule.source !== 'DSO') {
    throw new DomainError('forbidden', `Schedule ${schedule.id} has source ${schedule.source}; the DSO only writes its own (DSO) limits.`, { scheduleId: schedule.id, source: schedule.source });
  }
}
