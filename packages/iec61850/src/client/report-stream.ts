// The client's view of reports: typed, only for RCBs this client enabled, duplicates (a sqNum
// already seen for that RCB in this association) dropped; everything dropped is counted.
import type { Data, DataAttributeValue, ReasonForInclusionInLog, Report, TimeStamp } from '../pdu/index.js';

export interface ReportEntry {
  dataRef: string;
  /** The first value (the usual case: one value per data attribute). */
  value: Data | undefined;
  values: DataAttributeValue[];
  reason: ReasonForInclusionInLog;
}

export interface ClientReport {
  rcbRef: string;
  rptID: string;
  sqNum?: number;
  subSqNum: number;
  moreSegmentsFollow: boolean;
  dataSet?: string;
  bufOvfl: boolean;
  confRev?: number;
  timeOfEntry?: TimeStamp;
  entryID?: Uint8Array;
  entries: ReportEntry[];
}

export interface ReportStats {
  received: number;
  delivered: number;
  droppedNotEnabled: number;
  droppedDuplicate: number;
}

const SEQ_WINDOW = 512;

export class ReportStream {
  readonly stats: ReportStats = { received: 0, delivered: 0, droppedNotEnabled: 0, droppedDuplicate: 0 };
  private readonly enabled = new Map<string, { rcbRef: string; seen: Set<number> }>();
  private readonly handlers = new Set<(report: ClientReport) => void>();

  /** Accept reports with this rptID from now on (before the enabling write goes out). */
  expect(rptID: string, rcbRef: string): void {
    this.enabled.set(rptID, { rcbRef, seen: new Set() });
  }

  forget(rcbRef: string): void {
    for (const [rptID, e] of this.enabled) if (e.rcbRef === rcbRef) this.enabled.delete(rptID);
  }

  isExpected(rcbRef: string): boolean {
    return [...this.enabled.values()].some((e) => e.rcbRef === rcbRef);
  }

  on(handler: (report: ClientReport) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Handles one received report; returns whether it was delivered. */
  receive(report: Report, onError: (error: unknown) => void): boolean {
    this.stats.received += 1;
    const rcb = this.enabled.get(report.rptID);
    if (!rcb) {
      this.stats.droppedNotEnabled += 1;
      return false;
    }
    if (report.sqNum !== undefined && report.subSqNum === 0) {
      if (rcb.seen.has(report.sqNum)) {
        this.stats.droppedDuplicate += 1;
        return false;
      }
      rcb.seen.add(report.sqNum);
      if (rcb.seen.size > SEQ_WINDOW) {
        const oldest = rcb.seen.values().next();
        if (!oldest.done) rcb.seen.delete(oldest.value);
      }
    }
    const typed = toClientReport(report, rcb.rcbRef);
    this.stats.delivered += 1;
    for (const handler of this.handlers) {
      try {
        handler(typed);
      } catch (error) {
        onError(error);
      }
    }
    return true;
  }

  clear(): void {
    this.enabled.clear();
    this.handlers.clear();
  }
}

function toClientReport(report: Report, rcbRef: string): ClientReport {
  const typed: ClientReport = {
    rcbRef,
    rptID: report.rptID,
    subSqNum: report.subSqNum,
    moreSegmentsFollow: report.moreSegmentsFollow,
    bufOvfl: report.bufOvfl,
    entries: report.entry.entryData.map((e) => ({
      dataRef: e.dataRef,
      value: e.value[0]?.data,
      values: e.value,
      reason: e.reasonCode,
    })),
  };
  if (report.sqNum !== undefined) typed.sqNum = report.sqNum;
  if (report.dataSet !== undefined) typed.dataSet = report.dataSet;
  if (report.confRev !== undefined) typed.confRev = report.confRev;
  if (report.entry.timeOfEntry !== undefined) typed.timeOfEntry = report.entry.timeOfEntry;
  if (report.entry.entryID !== undefined) typed.entryID = report.entry.entryID;
  return typed;
}
