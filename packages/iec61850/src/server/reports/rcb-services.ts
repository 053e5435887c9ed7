// get/set URCB and BRCB values (IEC 61850-7-2 §17.2.3 / §17.3.3). The enable sequence of DOMAIN.md
// §4 works in one request too: configuration → purgeBuf → entryID → rptEna → gi, in that order.
import type {
  GetBRCBValuesResponse,
  GetURCBValuesResponse,
  ServiceStatusKind,
  SetBRCBValuesRequest,
  SetURCBValuesRequest,
} from '../../pdu/index.js';
import type { IedModel } from '../model/ied-model.js';
import type { RcbState, ReportSink } from './rcb-state.js';
import type { ReportEngine } from './report-engine.js';

type SetRequest = Omit<SetBRCBValuesRequest, 'brcbRef'> & { resv?: boolean };

const CONFIG_KEYS = ['bufTm', 'dataSet', 'intgPd', 'optFlds', 'rptID', 'trgOp', 'purgeBuf', 'entryID', 'rsvdTimeSec', 'resv'] as const;

export class RcbServices {
  constructor(
    private readonly model: IedModel,
    private readonly engine: ReportEngine,
  ) {}

  private find(ref: string, buffered: boolean): RcbState | undefined {
    const rcb = this.engine.rcbs.get(ref);
    return rcb && rcb.buffered === buffered ? rcb : undefined;
  }

  getBrcb(ref: string): GetBRCBValuesResponse | ServiceStatusKind {
    return this.find(ref, true)?.brcbImage() ?? 'instanceNotAvailable';
  }

  getUrcb(ref: string): GetURCBValuesResponse | ServiceStatusKind {
    return this.find(ref, false)?.urcbImage() ?? 'instanceNotAvailable';
  }

  setBrcb(request: SetBRCBValuesRequest, sink: ReportSink): ServiceStatusKind | undefined {
    const { brcbRef, ...rest } = request;
    const rcb = this.find(brcbRef, true);
    return rcb ? this.set(rcb, rest, sink) : 'instanceNotAvailable';
  }

  setUrcb(request: SetURCBValuesRequest, sink: ReportSink): ServiceStatusKind | undefined {
    const { urcbRef, ...rest } = request;
    const rcb = this.find(urcbRef, false);
    return rcb ? this.set(rcb, rest, sink) : 'instanceNotAvailable';
  }

  private validate(rcb: RcbState, req: SetRequest, sink: ReportSink): ServiceStatusKind | undefined {
    const ownedByOther = rcb.owner !== undefined && rcb.owner.id !== sink.id;
    if (ownedByOther) return 'instanceLockedByOtherClient';
    const changesConfig = CONFIG_KEYS.some((k) => req[k] !== undefined && !(k === 'purgeBuf' && req.purgeBuf === false));
    if (rcb.rptEna && changesConfig && req.rptEna !== false) return 'accessNotAllowedInCurrentState';
    if (req.dataSet !== undefined && !this.model.dataSet(req.dataSet)) return 'parameterValueInconsistent';
    if (req.entryID !== undefined && req.entryID.length !== 8) return 'parameterValueInconsistent';
    return undefined;
  }

  private set(rcb: RcbState, req: SetRequest, sink: ReportSink): ServiceStatusKind | undefined {
    const refusal = this.validate(rcb, req, sink);
    if (refusal) return refusal;
    if (req.rptEna === false) this.disable(rcb);
    if (req.rptID !== undefined) rcb.rptID = req.rptID === '' ? rcb.spec.ref : req.rptID;
    if (req.dataSet !== undefined && req.dataSet !== rcb.dataSet) {
      rcb.dataSet = req.dataSet;
      rcb.confRev += 1;
    }
    if (req.bufTm !== undefined) rcb.bufTm = req.bufTm;
    if (req.intgPd !== undefined) rcb.intgPd = req.intgPd;
    if (req.trgOp !== undefined) rcb.trgOps = { ...req.trgOp };
    if (req.optFlds !== undefined) rcb.optFlds = { ...req.optFlds };
    if (req.resv !== undefined) {
      rcb.resv = req.resv;
      rcb.owner = req.resv ? sink : undefined;
    }
    if (req.purgeBuf === true) rcb.buffer?.purge();
    if (req.entryID !== undefined && rcb.buffer && !rcb.buffer.resumeAfter(req.entryID)) {
      return 'parameterValueInconsistent';
    }
    if (req.rptEna === true) this.enable(rcb, sink);
    else this.engine.restartIntegrity(rcb);
    // buffered entries and the GI report go out after the response to this request
    if (req.rptEna === true || req.gi === true) {
      const gi = req.gi === true;
      setImmediate(() => {
        this.engine.drain(rcb);
        if (gi) this.engine.generalInterrogation(rcb);
      });
    }
    return undefined;
  }

  private enable(rcb: RcbState, sink: ReportSink): void {
    rcb.owner = sink;
    rcb.rptEna = true;
    this.engine.restartIntegrity(rcb);
  }

  private disable(rcb: RcbState): void {
    rcb.rptEna = false;
    if (!rcb.resv) rcb.owner = undefined;
    if (!rcb.buffered) {
      rcb.pending.clear();
      clearTimeout(rcb.pendingTimer);
      rcb.pendingTimer = undefined;
    }
    this.engine.restartIntegrity(rcb);
  }
}
