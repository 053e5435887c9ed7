// Control models of IEC 61850-7-2 §20: direct-with-normal-security (Operate → response),
// sbo-with-normal-security (Select → Operate), and the enhanced-security variants with
// CommandTermination + / − (AddCause). Select timeout, ctlNum echo, mode and range checks, and a
// user hook that accepts a command or refuses it with an AddCause.
import type {
  CancelRequest,
  CancelResponse,
  CommandTerminationRequest,
  ControlServiceStatusKind,
  Data,
  OperateRequest,
  OperateResponse,
  Originator,
  SelectRequest,
  SelectResponse,
  SelectWithValueRequest,
  SelectWithValueResponse,
  ServiceStatusKind,
} from '../../pdu/index.js';
import type { IedModel } from '../model/ied-model.js';
import type { DataObject } from '../model/types.js';
import { sameData, timeStampOf } from '../model/values.js';
import { ctlModelOf, ctlScalar, inRange, isBlockedByMode, primaryLeaf, sboTimeoutOf, statusData } from './control-values.js';

/** The device's say on a command: undefined / 'accept' to execute, or an AddCause to refuse. */
export type ControlHook = (
  ref: string,
  value: Data,
  origin: Originator,
) => 'accept' | ControlServiceStatusKind | undefined | Promise<'accept' | ControlServiceStatusKind | undefined>;

export interface ControlSink {
  readonly id: string;
  sendCmdTerm(request: CommandTerminationRequest): boolean;
}

interface Selection {
  sinkId: string;
  ctlNum?: number;
  ctlVal?: Data;
  timer: NodeJS.Timeout;
}

type Refusal = { serviceError: ServiceStatusKind; addCause: ControlServiceStatusKind };

const SUFFIXES = ['.Oper', '.SBOw', '.SBO', '.Cancel'];

export class ControlEngine {
  private readonly selections = new Map<string, Selection>();
  /** Objects whose enhanced-security command runs (between Operate response and CommandTermination). */
  private readonly executing = new Set<string>();
  /** DO ref → sink whose selection ran out (operate then answers time-limit-over). */
  private readonly expired = new Map<string, string>();

  constructor(
    private readonly model: IedModel,
    private readonly hook: ControlHook | undefined,
    /** Optional check at SelectWithValue time (refuse early, e.g. blockedByProcess). */
    private readonly selectHook?: ControlHook,
  ) {}

  close(): void {
    for (const s of this.selections.values()) clearTimeout(s.timer);
    this.selections.clear();
    this.expired.clear();
    this.executing.clear();
  }

  detach(sinkId: string): void {
    for (const [ref, s] of this.selections) {
      if (s.sinkId !== sinkId) continue;
      clearTimeout(s.timer);
      this.selections.delete(ref);
    }
  }

  private controllable(ref: string): DataObject | undefined {
    const base = SUFFIXES.reduce((r, s) => (r.endsWith(s) ? r.slice(0, -s.length) : r), ref);
    const node = this.model.find(base);
    return node && 'kind' in node && node.kind === 'do' && node.control ? node : undefined;
  }

  /** Checks shared by every control service; undefined when the command may proceed. */
  private precheck(dobj: DataObject | undefined, ctlVal: Data | undefined): Refusal | undefined {
    if (!dobj) return { serviceError: 'instanceNotAvailable', addCause: 'unknown' };
    if (ctlModelOf(dobj) === 'status-only') return { serviceError: 'accessViolation', addCause: 'notSupported' };
    if (isBlockedByMode(this.model, dobj)) return { serviceError: 'accessNotAllowedInCurrentState', addCause: 'blockedByMode' };
    if (this.executing.has(dobj.ref)) return { serviceError: 'instanceInUse', addCause: 'commandAlreadyInExecution' };
    if (ctlVal !== undefined) {
      const scalar = ctlScalar(dobj, ctlVal);
      if (scalar === undefined || !inRange(dobj, scalar)) {
        return { serviceError: 'parameterValueInconsistent', addCause: 'inconsistentParameters' };
      }
    }
    return undefined;
  }

  private select_(dobj: DataObject, sinkId: string, ctlNum?: number, ctlVal?: Data): Refusal | undefined {
    const current = this.selections.get(dobj.ref);
    if (current && current.sinkId !== sinkId) return { serviceError: 'instanceLockedByOtherClient', addCause: 'objectAlreadySelected' };
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(() => {
      this.selections.delete(dobj.ref);
      this.expired.set(dobj.ref, sinkId);
    }, sboTimeoutOf(dobj));
    const selection: Selection = { sinkId, timer };
    if (ctlNum !== undefined) selection.ctlNum = ctlNum;
    if (ctlVal !== undefined) selection.ctlVal = ctlVal;
    this.selections.set(dobj.ref, selection);
    this.expired.delete(dobj.ref);
    return undefined;
  }

  /** Select (sbo-with-normal-security). */
  select(request: SelectRequest, sink: ControlSink): SelectResponse {
    const dobj = this.controllable(request.ref);
    const refusal =
      this.precheck(dobj, undefined) ??
      (dobj && ctlModelOf(dobj) !== 'sbo-with-normal-security' ? { serviceError: 'accessViolation' as const, addCause: 'notSupported' as const } : undefined) ??
      (dobj ? this.select_(dobj, sink.id) : undefined);
    return refusal ? { success: false, ...refusal } : { success: true };
  }

  /** SelectWithValue (sbo-with-enhanced-security): echoes the request, AddCause on refusal. */
  async selectWithValue(request: SelectWithValueRequest, sink: ControlSink): Promise<SelectWithValueResponse> {
    const dobj = this.controllable(request.ref);
    const refusal =
      this.precheck(dobj, request.ctlVal) ??
      (dobj && ctlModelOf(dobj) !== 'sbo-with-enhanced-security' ? { serviceError: 'accessViolation' as const, addCause: 'notSupported' as const } : undefined) ??
      (dobj ? await this.askSelectHook(dobj, request) : undefined) ??
      (dobj ? this.select_(dobj, sink.id, request.ctlNum, request.ctlVal) : undefined);
    const { ref, ctlVal, origin, ctlNum, t, test, check, operTm } = request;
    const response: SelectWithValueResponse = { ref, ctlVal, origin, ctlNum, t, test, check };
    if (operTm) response.operTm = operTm;
    if (refusal) response.addCause = refusal.addCause;
    return response;
  }

  private async askSelectHook(dobj: DataObject, request: SelectWithValueRequest): Promise<Refusal | undefined> {
    if (!this.selectHook) return undefined;
    let verdict: Awaited<ReturnType<ControlHook>>;
    try {
      verdict = await this.selectHook(dobj.ref, request.ctlVal, request.origin);
    } catch {
      verdict = 'unknown';
    }
    if (verdict === undefined || verdict === 'accept') return undefined;
    return { serviceError: 'failedDueToServerConstraint', addCause: verdict };
  }

  cancel(request: CancelRequest, sink: ControlSink): CancelResponse {
    const dobj = this.controllable(request.ref);
    const { ref, ctlVal, origin, ctlNum, t, test, operTm } = request;
    const response: CancelResponse = { ref, ctlVal, origin, ctlNum, t, test };
    if (operTm) response.operTm = operTm;
    const selection = dobj ? this.selections.get(dobj.ref) : undefined;
    if (!dobj || !selection || selection.sinkId !== sink.id) {
      response.addCause = 'objectNotSelected';
      return response;
    }
    clearTimeout(selection.timer);
    this.selections.delete(dobj.ref);
    return response;
  }

  /** Checks that an SBO operate matches this client's live selection (ctlNum, ctlVal); consumes it. */
  private takeSelection(dobj: DataObject, request: OperateRequest, sink: ControlSink, enhanced: boolean): Refusal | undefined {
    const selection = this.selections.get(dobj.ref);
    if (!selection || selection.sinkId !== sink.id) {
      const timedOut = this.expired.get(dobj.ref) === sink.id;
      if (timedOut) this.expired.delete(dobj.ref);
      return { serviceError: 'controlMustBeSelected', addCause: timedOut ? 'timeLimitOver' : 'objectNotSelected' };
    }
    clearTimeout(selection.timer);
    this.selections.delete(dobj.ref);
    const sameValue = selection.ctlVal === undefined || sameData(selection.ctlVal, request.ctlVal);
    if (enhanced && (selection.ctlNum !== request.ctlNum || !sameValue)) {
      return { serviceError: 'parameterValueInconsistent', addCause: 'inconsistentParameters' };
    }
    return undefined;
  }

  async operate(request: OperateRequest, sink: ControlSink): Promise<OperateResponse> {
    const dobj = this.controllable(request.ref);
    const pre = this.precheck(dobj, request.ctlVal);
    if (pre || !dobj) return { success: false, ...(pre ?? { serviceError: 'instanceNotAvailable' as const }) };
    const model = ctlModelOf(dobj);
    const sbo = model === 'sbo-with-normal-security' || model === 'sbo-with-enhanced-security';
    const enhanced = model === 'direct-with-enhanced-security' || model === 'sbo-with-enhanced-security';
    const notSelected = sbo ? this.takeSelection(dobj, request, sink, enhanced) : undefined;
    if (notSelected) return { success: false, ...notSelected };
    if (!enhanced) {
      const refusal = await this.execute(dobj, request);
      return refusal ? { success: false, serviceError: 'failedDueToServerConstraint', addCause: refusal } : { success: true };
    }
    // executes after the response; until the CommandTermination the object is busy
    this.executing.add(dobj.ref);
    setImmediate(() => {
      this.execute(dobj, request)
        .catch((): ControlServiceStatusKind => 'unknown')
        .then((refusal) => {
          this.executing.delete(dobj.ref);
          sink.sendCmdTerm(this.termination(request, refusal));
        })
        .catch(() => this.executing.delete(dobj.ref));
    });
    return { success: true };
  }

  /** Runs the user hook and, when accepted, drives the status value. Returns the refusal, if any. */
  private async execute(dobj: DataObject, request: OperateRequest): Promise<ControlServiceStatusKind | undefined> {
    let verdict: Awaited<ReturnType<ControlHook>>;
    try {
      verdict = this.hook ? await this.hook(dobj.ref, request.ctlVal, request.origin) : undefined;
    } catch {
      return 'unknown';
    }
    if (verdict !== undefined && verdict !== 'accept') return verdict;
    const scalar = ctlScalar(dobj, request.ctlVal);
    const leaf = primaryLeaf(dobj);
    if (leaf && scalar !== undefined) this.model.updateLeaf(leaf, statusData(dobj, scalar), undefined, timeStampOf(this.model.now()));
    return undefined;
  }

  private termination(request: OperateRequest, addCause: ControlServiceStatusKind | undefined): CommandTerminationRequest {
    const term: CommandTerminationRequest = {
      ref: request.ref,
      ctlVal: request.ctlVal,
      origin: request.origin,
      ctlNum: request.ctlNum,
      t: request.t,
      test: request.test,
      check: request.check ?? { synchroCheck: false, interlockCheck: false },
    };
    if (addCause !== undefined) term.addCause = addCause;
    return term;
  }
}
