// Retention: raw samples, rollups and events older than their configured age are deleted.
import type { Db } from '../db/client.js';

export interface RetentionSettings {
  sampleDays: number;
  rollupDays: number;
  eventDays: number;
}

const DAY_MS = 86_400_000;

export async function applyRetention(db: Db, settings: RetentionSettings, nowMs: number) {
  const samples = await db.sample.deleteMany({ where: { deviceTimeMs: { lt: BigInt(Math.floor(nowMs - settings.sampleDays * DAY_MS)) } } });
  const rollups = await db.sampleRollup.deleteMany({ where: { bucketStartMs: { lt: BigInt(Math.floor(nowMs - settings.rollupDays * DAY_MS)) } } });
  const events = await db.event.deleteMany({ where: { atMs: { lt: BigInt(Math.floor(nowMs - settings.eventDays * DAY_MS)) } } });
  return { samples: samples.count, rollups: rollups.count, events: events.count };
}
