// The end of a command's effect: stopping a discharge (operate DAGC1.WSpt back to 0) and, after a
// windowed limit ends or is cancelled, restoring the previous limit schedule on the device.
import { v2gStopStep } from './command-profile.js';
import { automation, directoryEntry, move, save, sendAttempt, targetOf, type Runtime } from './command-runtime.js';
import { runAttempt } from './command-sender.js';
import { IN_FLIGHT } from './command-state-machine.js';
import { originOf, type Actor, type Command } from './command-types.js';

/** Operates DAGC1.WSpt back to 0; a refusal is recorded on the command (and audited), not thrown. */
export async function stopDischarge(rt: Runtime, c: Command, actor: Actor): Promise<{ ok: true } | { ok: false; command: Command }> {
  const cp = await directoryEntry(rt, c.chargePointId);
  const outcome = await runAttempt(rt.device, targetOf(cp), [v2gStopStep(cp)], originOf(actor), () => rt.ctlNums.take(cp.id));
  if (outcome.ok) return { ok: true };
  const note = `Stopping the discharge failed: ${outcome.note} The EV may still be discharging; try again.`;
  const next = { ...c, outcome: note, updatedAt: rt.clock.now() };
  await rt.store.update(next, c.state);
  rt.publish?.(next);
  const { orIdent } = originOf(actor);
  await rt.audit?.append({ at: rt.clock.now(), actorId: orIdent, actorRole: actor.kind === 'operator' ? actor.role : 'automation', action: 'command.stopFailed', target: `chargePoint:${c.chargePointId}`, outcome: 'stopFailed', details: { commandId: c.id, note, ...outcome.refusal } });
  return { ok: false, command: next };
}

/** After a windowed limit ends or is cancelled: the command that restores the previous schedule, if any. */
export async function restorePreviousLimit(rt: Runtime, ended: Command): Promise<Command | undefined> {
  if (ended.kind !== 'setImportLimit' || ended.endsAt === null) return undefined;
  // a newer limit command still on its way decides the device's limit: do not send over it
  const newer = await rt.store.list({ chargePointId: ended.chargePointId, states: IN_FLIGHT });
  if (newer.some((c) => c.id !== ended.id && (c.kind === 'setImportLimit' || c.kind === 'setFallback'))) return undefined;
  const restore = await rt.restoreAfterWindow?.(ended);
  if (!restore) return undefined;
  const cp = await directoryEntry(rt, restore.chargePointId);
  const now = rt.clock.now();
  const actor = automation('limit-scheduler');
  const origin = originOf(actor);
  const first = { from: null, to: 'requested' as const, at: now, ...origin, ctlNum: null, note: `restore the previous limit after ${ended.id}` };
  const created: Command = { id: rt.newId(), kind: restore.kind, chargePointId: cp.id, request: restore, state: 'requested', requestedBy: actor, ...origin, ctlNum: null, attempts: 0, createdAt: now, updatedAt: now, deadline: null, endsAt: null, outcome: null, verification: null, transitions: [first] };
  await save(rt, null, created, actor);
  if (rt.device.isOnline(cp.id)) return sendAttempt(rt, created, cp, actor);
  return move(rt, created, 'waiting', actor, `${cp.id} is offline; the restore waits for it`, {}, { deadline: new Date(now.getTime() + 86_400_000) });
}
