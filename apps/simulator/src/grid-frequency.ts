// The grid frequency every charge point measures: 50 Hz with a small mean-reverting noise, and
// scripted events (a dip or a rise held for a duration).
import type { Prng } from './prng.js';

export class GridFrequency {
  private noiseHz = 0;
  private event: { hz: number; untilMs: number } | undefined;

  constructor(
    private readonly rng: Prng,
    private readonly noiseSdHz = 0.01,
  ) {}

  /** Holds the frequency at `hz` from now for `durationMs`. */
  startEvent(hz: number, nowMs: number, durationMs: number): void {
    this.event = { hz, untilMs: nowMs + durationMs };
  }

  /** Advances the noise and returns the frequency at `nowMs`. */
  sample(nowMs: number, dtMs: number): number {
    if (dtMs > 0) this.noiseHz = this.noiseHz * 0.9 + this.rng.gaussian(this.noiseSdHz) * 0.5;
    if (this.event && nowMs < this.event.untilMs) return this.event.hz;
    this.event = undefined;
    return 50 + Math.max(-0.05, Math.min(0.05, this.noiseHz));
  }

  get eventActive(): boolean {
    return this.event !== undefined;
  }
}
