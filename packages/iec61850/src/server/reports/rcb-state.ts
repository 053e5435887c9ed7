// Run-time state of one report control block (URCB or BRCB) and its get*RCBValues image.
import type { GetBRCBValuesResponse, GetURCBValuesResponse, OptFldsRCB, Report, TimeStamp, TrgOps } from '../../pdu/index.js';
import type { ReportControlSpec } from '../model/types.js';
import { timeStampOf } from '../model/values.js';
import { ReportBuffer } from './report-buffer.js';

/** Where reports of an enabled RCB go: one server-side association. */
export interface ReportSink {
  readonly id: string;
  sendReport(report: Report): boolean;
}

export interface PendingChange {
  memberIndex: number;
  reason: 'dataChange' | 'qualityChange' | 'dataUpdate';
}

export class RcbState {
  rptID: string;
  rptEna = false;
  dataSet: string;
  confRev: number;
  optFlds: OptFldsRCB;
  bufTm: number;
  trgOps: TrgOps;
  intgPd: number;
  resv = false;
  sqNum = 0;
  owner: ReportSink | undefined;
  timeOfEntry: TimeStamp = timeStampOf(0);
  readonly buffer: ReportBuffer | undefined;
  /** Coalescing (BufTm) state: member index → reason, and its timer. */
  pending = new Map<number, PendingChange['reason']>();
  pendingTimer: NodeJS.Timeout | undefined;
  integrityTimer: NodeJS.Timeout | undefined;

  constructor(readonly spec: ReportControlSpec) {
    this.rptID = spec.rptID;
    this.dataSet = spec.dataSet;
    this.confRev = spec.confRev;
    this.bufTm = spec.bufTm;
    this.intgPd = spec.intgPd;
    this.trgOps = { ...spec.trgOps };
    this.optFlds = {
      seqNum: true,
      timeStamp: true,
      dataSet: true,
      bufOvfl: spec.buffered,
      configRef: true,
      entryID: spec.buffered,
      dataRef: true,
      reasonCode: true,
    };
    this.buffer = spec.buffered ? new ReportBuffer(spec.bufferSize) : undefined;
  }

  get buffered(): boolean {
    return this.spec.buffered;
  }

  /** Next sequence number (INT16U, wraps). */
  takeSqNum(): number {
    const n = this.sqNum;
    this.sqNum = (this.sqNum + 1) & 0xffff;
    return n;
  }

  /** The attributes URCBs and BRCBs share, as GetXRCBValues answers them. */
  private commonImage() {
    return {
      rptID: this.rptID,
      rptEna: this.rptEna,
      dataSet: this.dataSet,
      confRev: this.confRev,
      optFlds: { ...this.optFlds },
      bufTm: this.bufTm,
      sqNum: this.sqNum,
      trgOp: { ...this.trgOps },
      intgPd: this.intgPd,
      gi: false,
    };
  }

  brcbImage(): GetBRCBValuesResponse {
    return {
      ...this.commonImage(),
      purgeBuf: false,
      entryID: this.buffer?.lastDelivered ?? new Uint8Array(8),
      timeOfEntry: this.timeOfEntry,
      rsvdTimeSec: 0,
    };
  }

  urcbImage(): GetURCBValuesResponse {
    return {
      ...this.commonImage(),
      resv: this.resv,
    };
  }
}
