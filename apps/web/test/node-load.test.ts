import { describe, expect, it } from 'vitest';
import { loadLevel } from '../src/pages/grid/node-load.js';

describe('loadLevel', () => {
  it('is normal with room to spare, near within 10 % of capacity, over above it', () => {
    expect(loadLevel({ capacityW: 300_000, headroomW: 100_000 })).toBe('normal');
    expect(loadLevel({ capacityW: 300_000, headroomW: 20_000 })).toBe('near');
    expect(loadLevel({ capacityW: 300_000, headroomW: -1 })).toBe('over');
  });
});
