// How loaded a grid node is now, in words and in an attention level (colour only when it matters).
import type { GridAggregate } from '../../api/types.js';

export type LoadLevel = 'normal' | 'near' | 'over';

/** Over: net import above capacity. Near: less than `nearShare` of capacity left. */
export function loadLevel(live: Pick<GridAggregate, 'headroomW' | 'capacityW'>, nearShare = 0.1): LoadLevel {
  if (live.headroomW < 0) return 'over';
  if (live.capacityW > 0 && live.headroomW < live.capacityW * nearShare) return 'near';
  return 'normal';
}

export const LOAD_COLOUR: Record<LoadLevel, string | undefined> = {
  normal: undefined,
  near: 'orange',
  over: 'red',
};
