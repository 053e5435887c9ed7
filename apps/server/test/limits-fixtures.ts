// Shared fixtures for the limits tests: a small grid (substation → transformer → feeder → two
// connection points) with four charge points, and a schedule builder.
import type { GridShape } from '../src/features/limits/grid-shape.js';
import type { LimitSchedule } from '../src/features/limits/limit-schedule.js';

export const T0 = new Date('2026-11-25T14:00:00.000Z');
export const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

export const grid: GridShape = {
  nodes: [
    { id: 'S1', kind: 'substation', name: 'Substation S1', parentId: null, capacityW: 1_000_000 },
    { id: 'T1', kind: 'transformer', name: 'Transformer T1', parentId: 'S1', capacityW: 400_000 },
    { id: 'F1', kind: 'feeder', name: 'Feeder F1', parentId: 'T1', capacityW: 60_000 },
    { id: 'CN1', kind: 'connectionPoint', name: 'Connection CN1', parentId: 'F1', capacityW: 40_000 },
    { id: 'CN2', kind: 'connectionPoint', name: 'Connection CN2', parentId: 'F1', capacityW: 30_000 },
  ],
  chargePoints: [
    { id: 'CP1', connectionPointId: 'CN1', ratedImportW: 22_000 },
    { id: 'CP2', connectionPointId: 'CN1', ratedImportW: 11_000 },
    { id: 'CP3', connectionPointId: 'CN2', ratedImportW: 11_000 },
    { id: 'CP4', connectionPointId: 'CN2', ratedImportW: 7_400 },
  ],
};

let n = 0;
export function schedule(partial: Partial<LimitSchedule> & Pick<LimitSchedule, 'importLimitW'>): LimitSchedule {
  n += 1;
  return {
    id: `S${n}`,
    target: { kind: 'chargePoint', chargePointId: 'CP1' },
    source: 'DSO',
    priority: 1,
    startsAt: T0,
    endsAt: null,
    createdBy: 'alice',
    createdAt: at(-60 + n),
    reason: 'congestion',
    ...partial,
  };
}
