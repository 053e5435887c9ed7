// Time- and link-driven steps of the lifecycle, called by the server's scheduler (a timer) and by
// the RTI endpoint when a device (re)associates: send waiting commands, expire those whose
// deadline passed, stop discharges and end limit windows (restoring the previous schedule).
import { automation, directoryEntry, move, sendAttempt, type Runtime } from './command-runtime.js';
import { restorePreviousLimit, stopDischarge } from './command-window.js';
import type { Command } from './command-types.js';
import { settleVerification, verificationDue } from './command-verify.js';

const ENDABLE = ['acknowledged', 'verified', 'notVerified'] as const;

/** A device is back: send its waiting commands (oldest first) whose deadline has not passed. */
export async function onDeviceOnline(rt: Runtime, chargePointId: string): Promise<Command[]> {
  const waiting = await rt.store.list({ chargePointId, states: ['waiting'] });
  const now = rt.clock.now();
  const cp = await directoryEntry(rt, chargePointId);
  const sent: Command[] = [];
  for (const c of waiting) {
    if (c.deadline && c.deadline.getTime() <= now.getTime()) continue;
    sent.push(await sendAttempt(rt, c, cp, c.requestedBy));
  }
  return sent;
}

export interface TickResult {
  expired: Command[];
  /** Acknowledged commands whose verification window passed: verified or notVerified now. */
  settled: Command[];
  /** Discharges whose stop the device refused (they stay running; the next tick tries again). */
  stopFailed: Command[];
  /** Commands sent by automation to restore the previous limit schedule. */
  restored: Command[];
}

async function endWindow(rt: Runtime, c: Command, result: TickResult): Promise<void> {
  const actor = automation('scheduler');
  if (c.kind === 'v2gDischarge') {
    const stopped = await stopDischarge(rt, c, actor);
    if (!stopped.ok) {
      result.stopFailed.push(stopped.command);
      return;
    }
    result.expired.push(await move(rt, c, 'expired', actor, 'window ended; discharge stopped (DAGC1.WSpt operated back to 0)'));
    return;
  }
  result.expired.push(await move(rt, c, 'expired', actor, 'window ended'));
  const restored = await restorePreviousLimit(rt, c);
  if (restored) result.restored.push(restored);
}

/** Expires overdue waiting commands and ends windows that are over. Bounded: one pass over the store. */
export async function tick(rt: Runtime): Promise<TickResult> {
  const now = rt.clock.now().getTime();
  const result: TickResult = { expired: [], settled: [], stopFailed: [], restored: [] };
  for (const c of await rt.store.list({ states: ['waiting'] })) {
    if (c.deadline && c.deadline.getTime() <= now) {
      result.expired.push(await move(rt, c, 'expired', automation('scheduler'), `${c.chargePointId} did not come back before ${c.deadline.toISOString()}; nothing was sent`));
    }
  }
  for (const c of await rt.store.list({ states: ['acknowledged'] })) {
    if (verificationDue(rt, c)) result.settled.push(await settleVerification(rt, c, (await rt.observationsFor?.(c)) ?? []));
  }
  for (const c of await rt.store.list({ states: ENDABLE })) {
    if (c.endsAt && c.endsAt.getTime() <= now) await endWindow(rt, c, result);
  }
  return result;
}
