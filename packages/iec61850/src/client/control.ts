// Client side of the control services (DOMAIN.md §4 "Control"): operate for
// direct-with-normal-security; selectWithValue → operate → CommandTermination (with a timeout)
// for sbo-with-enhanced-security; cancel. Every attempt uses a fresh ctlNum.
import type { Association } from '../association/association.js';
import type { CallFailure } from '../association/types.js';
import type {
  CommandTerminationRequest,
  ControlServiceStatusKind,
  Data,
  Originator,
  ServiceStatusKind,
  TimeStamp,
} from '../pdu/index.js';
import { orIdentFromString, timeStampFromDate } from '../pdu/index.js';

export interface ControlOptions {
  /** Default: remoteControl with orIdent "dso". */
  origin?: Originator;
  /** Default: the client's next ctlNum (0..127, wrapping). */
  ctlNum?: number;
  test?: boolean;
  t?: TimeStamp;
  /** Request timeout of each step, ms. */
  timeoutMs?: number;
  /** How long to wait for CommandTermination, ms (default 10 000). */
  terminationTimeoutMs?: number;
}

export type ControlStage = 'select' | 'operate' | 'termination' | 'timeout' | 'cancel';

export type ControlResult =
  | { ok: true; ctlNum: number }
  | {
      ok: false;
      ctlNum: number;
      stage: ControlStage;
      serviceError?: ServiceStatusKind;
      addCause?: ControlServiceStatusKind;
      /** Set when no response came (timeout, association down, queue full). */
      callFailure?: CallFailure;
    };

const SUFFIXES = ['.Oper', '.SBOw', '.SBO', '.Cancel'];
export const baseControlRef = (ref: string): string => SUFFIXES.reduce((r, s) => (r.endsWith(s) ? r.slice(0, -s.length) : r), ref);

/** Waiters for CommandTermination, keyed by control ref and ctlNum. */
export class TerminationWaiters {
  private readonly waiters = new Map<string, (term: CommandTerminationRequest | undefined) => void>();

  wait(ref: string, ctlNum: number, timeoutMs: number): { done: Promise<CommandTerminationRequest | undefined>; cancel: () => void } {
    const key = `${baseControlRef(ref)}|${ctlNum}`;
    let finish: (term: CommandTerminationRequest | undefined) => void = () => undefined;
    const done = new Promise<CommandTerminationRequest | undefined>((resolve) => {
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      finish = (term) => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(term);
      };
      this.waiters.set(key, finish);
    });
    return { done, cancel: () => finish(undefined) };
  }

  /** Returns false when nobody waited for it (it is then only counted). */
  deliver(term: CommandTerminationRequest): boolean {
    const waiter = this.waiters.get(`${baseControlRef(term.ref)}|${term.ctlNum}`);
    waiter?.(term);
    return waiter !== undefined;
  }

  cancelAll(): void {
    for (const finish of [...this.waiters.values()]) finish(undefined);
  }
}

export class ControlClient {
  private ctlCounter = 0;

  constructor(
    private readonly association: Association,
    readonly terminations: TerminationWaiters,
  ) {}

  private params(options: ControlOptions): { origin: Originator; ctlNum: number; t: TimeStamp; test: boolean } {
    const ctlNum = options.ctlNum ?? this.nextCtlNum();
    return {
      origin: options.origin ?? { orCat: 'remoteControl', orIdent: orIdentFromString('dso') },
      ctlNum,
      t: options.t ?? timeStampFromDate(Date.now()),
      test: options.test ?? false,
    };
  }

  nextCtlNum(): number {
    const n = this.ctlCounter;
    this.ctlCounter = (this.ctlCounter + 1) % 128;
    return n;
  }

  private timeout(options: ControlOptions): { timeoutMs?: number } {
    return options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  }

  /** Operate; with `awaitTermination` also waits for CommandTermination (enhanced security). */
  async operate(ref: string, ctlVal: Data, options: ControlOptions & { awaitTermination?: boolean } = {}): Promise<ControlResult> {
    const p = this.params(options);
    const termination = options.awaitTermination
      ? this.terminations.wait(ref, p.ctlNum, options.terminationTimeoutMs ?? 10_000)
      : undefined;
    const outcome = await this.association.call({ operate: { ref, ctlVal, ...p } }, this.timeout(options));
    const failed = this.failure(outcome, 'operate', p.ctlNum);
    if (failed) {
      termination?.cancel();
      return failed;
    }
    if (!termination) return { ok: true, ctlNum: p.ctlNum };
    const term = await termination.done;
    if (!term) return { ok: false, ctlNum: p.ctlNum, stage: 'timeout' };
    if (term.addCause !== undefined && term.addCause !== 'none') {
      return { ok: false, ctlNum: p.ctlNum, stage: 'termination', addCause: term.addCause };
    }
    return { ok: true, ctlNum: p.ctlNum };
  }

  private failure(outcome: Awaited<ReturnType<Association['call']>>, stage: ControlStage, ctlNum: number): ControlResult | undefined {
    if (!outcome.ok) return { ok: false, ctlNum, stage: outcome.reason === 'timeout' ? 'timeout' : stage, callFailure: outcome.reason };
    const s = outcome.service;
    if ('serviceError' in s) return { ok: false, ctlNum, stage, serviceError: s.serviceError };
    const body = 'operate' in s ? s.operate : 'select' in s ? s.select : undefined;
    if (body) {
      if (body.success) return undefined;
      const result: ControlResult = { ok: false, ctlNum, stage };
      if (body.serviceError !== undefined) result.serviceError = body.serviceError;
      if (body.addCause !== undefined) result.addCause = body.addCause;
      return result;
    }
    const echoed = 'selectWithValue' in s ? s.selectWithValue : 'cancel' in s ? s.cancel : undefined;
    if (!echoed) return { ok: false, ctlNum, stage, serviceError: 'failedDueToServerConstraint' };
    if (echoed.addCause !== undefined && echoed.addCause !== 'none') return { ok: false, ctlNum, stage, addCause: echoed.addCause };
    if (echoed.ctlNum !== ctlNum) return { ok: false, ctlNum, stage, addCause: 'inconsistentParameters' };
    return undefined;
  }

  /** Select (sbo-with-normal-security). */
  async select(ref: string, options: ControlOptions = {}): Promise<ControlResult> {
    const ctlNum = options.ctlNum ?? this.nextCtlNum();
    const outcome = await this.association.call({ select: { ref } }, this.timeout(options));
    return this.failure(outcome, 'select', ctlNum) ?? { ok: true, ctlNum };
  }

  /** SelectWithValue (sbo-with-enhanced-security); the response echoes ctlNum. */
  async selectWithValue(ref: string, ctlVal: Data, options: ControlOptions = {}): Promise<ControlResult> {
    const p = this.params(options);
    const check = { synchroCheck: false, interlockCheck: false };
    const outcome = await this.association.call({ selectWithValue: { ref, ctlVal, ...p, check } }, this.timeout(options));
    return this.failure(outcome, 'select', p.ctlNum) ?? { ok: true, ctlNum: p.ctlNum };
  }

  async cancel(ref: string, ctlVal: Data, options: ControlOptions = {}): Promise<ControlResult> {
    const p = this.params(options);
    const outcome = await this.association.call({ cancel: { ref, ctlVal, ...p } }, this.timeout(options));
    return this.failure(outcome, 'cancel', p.ctlNum) ?? { ok: true, ctlNum: p.ctlNum };
  }

  /** The whole sbo-with-enhanced-security sequence: SelectWithValue → Operate → CommandTermination. */
  async selectOperate(ref: string, ctlVal: Data, options: ControlOptions = {}): Promise<ControlResult> {
    const ctlNum = options.ctlNum ?? this.nextCtlNum();
    const selected = await this.selectWithValue(ref, ctlVal, { ...options, ctlNum });
    if (!selected.ok) return selected;
    return this.operate(ref, ctlVal, { ...options, ctlNum, awaitTermination: true });
  }
}
