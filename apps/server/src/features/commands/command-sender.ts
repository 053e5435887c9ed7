// Drives the device port for one attempt of a command: its steps in order, each control with a
// fresh ctlNum, stopping at the first refusal so nothing is sent after a step failed. The outcome
// says which steps went through, so a partial application is never silent.
import type { ControlResult } from '@dso/iec61850';
import { refusalInWords } from './add-cause.js';
import type { DeviceStep } from './command-profile.js';
import type { OrCat, Transition } from './command-types.js';
import type { DeviceControlPort, DeviceTarget, WriteResult } from './device-control-port.js';

export type AttemptOutcome =
  | { ok: true; ctlNums: number[]; note: string }
  | { ok: false; timedOut: boolean; ctlNums: number[]; note: string; refusal: Pick<Transition, 'serviceError' | 'addCause'> };

/** ctlNum 0..127 (INT8U in the schema, wrapping), one counter per charge point. */
export class CtlNumAllocator {
  private readonly next = new Map<string, number>();
  take(chargePointId: string): number {
    const n = this.next.get(chargePointId) ?? 0;
    this.next.set(chargePointId, (n + 1) % 128);
    return n;
  }
}

type StepResult = { ok: true } | { ok: false; timedOut: boolean; refusal: Pick<Transition, 'serviceError' | 'addCause'>; words: string };

function fromControl(r: ControlResult): StepResult {
  if (r.ok) return { ok: true };
  const refusal: Pick<Transition, 'serviceError' | 'addCause'> = {};
  if (r.serviceError !== undefined) refusal.serviceError = r.serviceError;
  if (r.addCause !== undefined) refusal.addCause = r.addCause;
  const timedOut = r.stage === 'timeout' || r.callFailure !== undefined;
  const words = timedOut ? `no answer from the device (${r.callFailure ?? 'timeout'} at ${r.stage})` : refusalInWords({ ...refusal, stage: r.stage });
  return { ok: false, timedOut, refusal, words };
}

function fromWrite(r: WriteResult): StepResult {
  if (r.ok) return { ok: true };
  const refusal: Pick<Transition, 'serviceError' | 'addCause'> = r.serviceError === undefined ? {} : { serviceError: r.serviceError };
  const timedOut = r.serviceError === undefined && r.failure !== undefined;
  return { ok: false, timedOut, refusal, words: timedOut ? `no answer from the device (${r.failure})` : refusalInWords(refusal) };
}

export async function runAttempt(
  port: DeviceControlPort,
  target: DeviceTarget,
  steps: readonly DeviceStep[],
  origin: { orCat: OrCat; orIdent: string },
  takeCtlNum: () => number,
): Promise<AttemptOutcome> {
  const ctlNums: number[] = [];
  const done: string[] = [];
  for (const step of steps) {
    let result: StepResult;
    if (step.op === 'operate' || step.op === 'selectOperate') {
      const ctlNum = takeCtlNum();
      ctlNums.push(ctlNum);
      const call = { ref: step.ref, ctlVal: step.ctlVal, ctlNum, origin };
      result = fromControl(step.op === 'operate' ? await port.operate(target, call) : await port.selectOperate(target, call));
    } else if (step.op === 'setDataValues') {
      result = fromWrite(await port.setDataValues(target, step.writes));
    } else {
      result = fromWrite(await port.readMeter(target, step.method));
    }
    if (!result.ok) {
      const applied = done.length > 0 ? ` Already applied: ${done.join(', ')}; not applied: ${step.what} and after.` : '';
      return { ok: false, timedOut: result.timedOut, ctlNums, note: `${step.what}: ${result.words}.${applied}`, refusal: result.refusal };
    }
    done.push(step.what);
  }
  return { ok: true, ctlNums, note: `applied: ${done.join(', ')}` };
}
