// Moving an acknowledged command to verified / notVerified from the reported values (the verdict
// itself is the pure verifyCommand). Shared by the service (values pushed by ingest) and the
// scheduler (overdue commands: whatever was reported, or nothing).
import { automation, move, type Runtime } from './command-runtime.js';
import type { Command } from './command-types.js';
import { DEFAULT_VERIFICATION, verifyCommand, type Observation } from './verification.js';

export function acknowledgedAt(c: Command): Date {
  return [...c.transitions].reverse().find((t) => t.to === 'acknowledged')?.at ?? c.updatedAt;
}

export function verificationDue(rt: Runtime, c: Command): boolean {
  const settings = rt.verification ?? DEFAULT_VERIFICATION;
  return c.state === 'acknowledged' && rt.clock.now().getTime() >= acknowledgedAt(c).getTime() + settings.windowS * 1000;
}

/** Verified as soon as the values agree; not verified (with why) once the window has passed; else unchanged. */
export async function settleVerification(rt: Runtime, c: Command, observations: readonly Observation[]): Promise<Command> {
  if (c.state !== 'acknowledged') return c;
  const settings = rt.verification ?? DEFAULT_VERIFICATION;
  const verdict = verifyCommand(c, observations, acknowledgedAt(c), settings);
  const actor = automation('verification');
  if (verdict.verified) return move(rt, c, 'verified', actor, verdict.why, {}, { verification: verdict });
  if (!verificationDue(rt, c)) return c;
  return move(rt, c, 'notVerified', actor, `not verified: ${verdict.why}`, {}, { verification: verdict, outcome: verdict.why });
}
