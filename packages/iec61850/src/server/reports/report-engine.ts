// The report engine of an ACSI server (IEC 61850-7-2 §17): turns model changes into reports of
// URCBs and BRCBs — trigger options dchg / qchg / dupd / integrity / GI, BufTm coalescing, sqNum,
// BRCB buffering with EntryIDs while no client has it enabled, resume, bufOvfl, purgeBuf.
import type { EntryData1, ReasonForInclusionInLog, Report } from '../../pdu/index.js';
import { reasonCode } from '../../pdu/index.js';
import type { IedModel, LeafChange } from '../model/ied-model.js';
import type { DataSet } from '../model/types.js';
import { timeStampOf } from '../model/values.js';
import type { BufferedEntry } from './report-buffer.js';
import { RcbState } from './rcb-state.js';
import type { PendingChange, ReportSink } from './rcb-state.js';

type Reason = keyof ReasonForInclusionInLog;

export class ReportEngine {
  readonly rcbs = new Map<string, RcbState>();
  /** Dataset ref → (leaf key `fc|ref` → member indices containing that leaf). */
  private readonly memberIndex = new Map<string, Map<string, number[]>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly model: IedModel) {
    for (const spec of model.allReportControls()) this.rcbs.set(spec.ref, new RcbState(spec));
    this.unsubscribe = model.onChange((changes) => this.onChanges(changes));
    for (const rcb of this.rcbs.values()) this.restartIntegrity(rcb);
  }

  close(): void {
    this.unsubscribe();
    for (const rcb of this.rcbs.values()) {
      clearTimeout(rcb.pendingTimer);
      clearInterval(rcb.integrityTimer);
      rcb.pending.clear();
    }
  }

  /** Leaf membership of a data set, computed once per data set. */
  private membersOf(ds: DataSet): Map<string, number[]> {
    let index = this.memberIndex.get(ds.ref);
    if (index) return index;
    index = new Map();
    ds.members.forEach((member, i) => {
      const node = this.model.find(member.ref);
      for (const leaf of node ? this.model.leaves(node, member.fc) : []) {
        const key = `${leaf.fc}|${leaf.ref}`;
        index.set(key, [...(index.get(key) ?? []), i]);
      }
    });
    this.memberIndex.set(ds.ref, index);
    return index;
  }

  private onChanges(changes: LeafChange[]): void {
    for (const rcb of this.rcbs.values()) {
      if (!rcb.rptEna && !rcb.buffered) continue;
      const ds = this.model.dataSet(rcb.dataSet);
      if (!ds) continue;
      const index = this.membersOf(ds);
      for (const change of changes) {
        const reason = this.reasonFor(rcb, change.kind);
        if (!reason) continue;
        for (const memberIndex of index.get(`${change.leaf.fc}|${change.leaf.ref}`) ?? []) {
          this.addPending(rcb, { memberIndex, reason });
        }
      }
    }
  }

  private reasonFor(rcb: RcbState, kind: LeafChange['kind']): PendingChange['reason'] | undefined {
    if (kind === 'dchg' && rcb.trgOps.dchg) return 'dataChange';
    if (kind === 'qchg' && rcb.trgOps.qchg) return 'qualityChange';
    if (kind === 'dupd' && rcb.trgOps.dupd) return 'dataUpdate';
    return undefined;
  }

  /** BufTm coalescing: a member already pending flushes the pending report first (7-2 §17.2.2.9). */
  private addPending(rcb: RcbState, change: PendingChange): void {
    if (rcb.pending.has(change.memberIndex)) this.flushPending(rcb);
    rcb.pending.set(change.memberIndex, change.reason);
    if (rcb.bufTm <= 0) {
      this.flushPending(rcb);
      return;
    }
    rcb.pendingTimer ??= setTimeout(() => this.flushPending(rcb), rcb.bufTm);
  }

  private flushPending(rcb: RcbState): void {
    clearTimeout(rcb.pendingTimer);
    rcb.pendingTimer = undefined;
    if (rcb.pending.size === 0) return;
    const members = [...rcb.pending.entries()].sort((a, b) => a[0] - b[0]);
    rcb.pending.clear();
    const data = members.flatMap(([index, reason]) => this.memberEntries(rcb, index, reason));
    this.emit(rcb, data);
  }

  /** One EntryData1 per data attribute (leaf) of a data set member. */
  private memberEntries(rcb: RcbState, index: number, reason: Reason): EntryData1[] {
    const member = this.model.dataSet(rcb.dataSet)?.members[index];
    const node = member ? this.model.find(member.ref) : undefined;
    if (!member || !node) return [];
    const code = reasonCode({ [reason]: true });
    return this.model.leaves(node, member.fc).map((leaf) => ({
      dataRef: leaf.ref,
      value: [{ data: leaf.value }],
      reasonCode: code,
    }));
  }

  private allMembers(rcb: RcbState, reason: Reason): EntryData1[] {
    const ds = this.model.dataSet(rcb.dataSet);
    return ds ? ds.members.flatMap((_m, i) => this.memberEntries(rcb, i, reason)) : [];
  }

  /** General interrogation: pending changes go first, then all members. */
  generalInterrogation(rcb: RcbState): void {
    if (!rcb.rptEna) return;
    this.flushPending(rcb);
    this.emit(rcb, this.allMembers(rcb, 'generalInterrogation'));
  }

  private integrity(rcb: RcbState): void {
    this.flushPending(rcb);
    this.emit(rcb, this.allMembers(rcb, 'integrity'));
  }

  restartIntegrity(rcb: RcbState): void {
    clearInterval(rcb.integrityTimer);
    rcb.integrityTimer = undefined;
    const active = rcb.rptEna || rcb.buffered;
    if (!active || !rcb.trgOps.integrity || rcb.intgPd <= 0) return;
    rcb.integrityTimer = setInterval(() => this.integrity(rcb), rcb.intgPd);
  }

  private emit(rcb: RcbState, entryData: EntryData1[]): void {
    if (entryData.length === 0) return;
    const timeOfEntry = timeStampOf(this.model.now());
    rcb.timeOfEntry = timeOfEntry;
    if (rcb.buffer) {
      rcb.buffer.push(timeOfEntry, entryData);
      this.drain(rcb);
      return;
    }
    if (!rcb.rptEna || !rcb.owner) return;
    rcb.owner.sendReport(this.compose(rcb, { timeOfEntry, entryData }, false));
  }

  /** Sends every undelivered buffered entry of an enabled BRCB. */
  drain(rcb: RcbState): void {
    if (!rcb.buffer) return;
    for (;;) {
      if (!rcb.rptEna || !rcb.owner) return;
      const next = rcb.buffer.next();
      if (!next) return;
      if (!rcb.owner.sendReport(this.compose(rcb, next.entry, next.bufOvfl))) return;
      rcb.buffer.markDelivered(next.entry);
    }
  }

  private compose(rcb: RcbState, entry: Pick<BufferedEntry, 'timeOfEntry' | 'entryData'> & { entryID?: Uint8Array }, bufOvfl: boolean): Report {
    const o = rcb.optFlds;
    const report: Report = {
      rptID: rcb.rptID,
      subSqNum: 0,
      moreSegmentsFollow: false,
      bufOvfl: o.bufOvfl && bufOvfl,
      entry: { entryData: entry.entryData },
    };
    if (o.seqNum) report.sqNum = rcb.takeSqNum();
    if (o.dataSet) report.dataSet = rcb.dataSet;
    if (o.configRef) report.confRev = rcb.confRev;
    if (o.timeStamp) report.entry.timeOfEntry = entry.timeOfEntry;
    if (o.entryID && entry.entryID) report.entry.entryID = entry.entryID;
    return report;
  }

  /** An association went away: its RCBs are disabled and released (BRCBs keep buffering). */
  detach(sink: ReportSink): void {
    for (const rcb of this.rcbs.values()) {
      if (rcb.owner?.id !== sink.id) continue;
      rcb.owner = undefined;
      rcb.rptEna = false;
      rcb.resv = false;
      if (!rcb.buffered) rcb.pending.clear();
      this.restartIntegrity(rcb);
    }
  }
}
