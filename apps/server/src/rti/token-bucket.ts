// A token bucket for flood protection: `ratePerS` tokens per second, at most `burst` saved up.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private ratePerS: number,
    private burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  setRate(ratePerS: number): void {
    this.ratePerS = ratePerS;
    this.burst = ratePerS * 2;
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerS);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
