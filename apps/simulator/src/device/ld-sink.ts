// Where a charge point's values go. A public charge point writes straight into its own IED model
// (device time stamp, good quality). A residential one reaches the DSO only through the CPO
// gateway's cache: while its OCPP link is down nothing new arrives, and once the cache is older than
// `staleAfterMs` the gateway marks it `oldData` (questionable) and keeps the device's time stamp.
import { detailQual, quality, timeStampOf } from '@dso/iec61850';
import type { AcsiServer, Data } from '@dso/iec61850';

export type Scalar = number | boolean;

export interface LdSink {
  /** Primary value of a data attribute relative to the LD (`DWMX1.WMaxSet.setMag.f`). */
  read(ref: string): number | undefined;
  /** Device-side value of a data object relative to the LD (`MMXU1.TotW`) at device time `atMs`. */
  write(ref: string, value: Scalar, atMs: number): void;
  /** The device sent its periodic update at `atMs` (even when no value changed). */
  touch(atMs: number): void;
}

function scalarOf(data: Data | undefined): number | undefined {
  if (data === undefined) return undefined;
  const v = Object.values(data)[0] as unknown;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

export class DirectSink implements LdSink {
  /** Full references by LD-relative reference, built once (the step runs every second). */
  private readonly fullRefs = new Map<string, string>();

  constructor(
    protected readonly server: AcsiServer,
    protected readonly ld: string,
  ) {}

  protected full(ref: string): string {
    let full = this.fullRefs.get(ref);
    if (full === undefined) {
      full = `${this.ld}/${ref}`;
      this.fullRefs.set(ref, full);
    }
    return full;
  }

  read(ref: string): number | undefined {
    return scalarOf(this.server.valueOf(this.full(ref)));
  }

  write(ref: string, value: Scalar, atMs: number): void {
    this.server.update(this.full(ref), value, undefined, timeStampOf(atMs));
  }

  touch(_atMs: number): void {
    // a device's own model needs no heartbeat
  }
}

const GOOD = quality();
const STALE = quality({ validity: 'questionable', detailQual: detailQual({ oldData: true }) });

/** The CPO gateway's cache of one residential charge point (one proxy LD). */
export class GatewayCacheSink extends DirectSink {
  private readonly cache = new Map<string, { value: Scalar; atMs: number }>();
  private stale = false;
  private lastArrivalMs: number | undefined;
  /** The OCPP link between the charge point and the CPO; when false, updates do not arrive. */
  ocppLinkUp = true;

  constructor(
    server: AcsiServer,
    ld: string,
    private readonly staleAfterMs: number,
  ) {
    super(server, ld);
  }

  override write(ref: string, value: Scalar, atMs: number): void {
    if (!this.ocppLinkUp) return;
    this.lastArrivalMs = atMs;
    this.cache.set(ref, { value, atMs });
    if (this.stale) {
      this.stale = false;
      this.refreshAll(GOOD);
      return;
    }
    this.server.update(this.full(ref), value, GOOD, timeStampOf(atMs));
  }

  override touch(atMs: number): void {
    if (this.ocppLinkUp) this.lastArrivalMs = atMs;
  }

  /** Gateway side, once per step: marks the cache oldData when nothing came for too long. */
  checkStale(nowMs: number): void {
    if (this.stale || this.lastArrivalMs === undefined) return;
    if (nowMs - this.lastArrivalMs <= this.staleAfterMs) return;
    this.stale = true;
    this.refreshAll(STALE);
  }

  get isStale(): boolean {
    return this.stale;
  }

  private refreshAll(q: typeof GOOD): void {
    for (const [ref, { value, atMs }] of this.cache) this.server.update(this.full(ref), value, q, timeStampOf(atMs));
  }
}
