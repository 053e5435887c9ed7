// The fleet: every access point of a fleet description dialling into the DSO, the charge points
// behind them stepping their physics on one clock, autonomous drivers (optional), grid frequency,
// and the library API scenarios, tests and the CLI drive.
import { AccessPointSim } from './access-point-sim.js';
import type { LinkLogger } from './access-point.js';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import { behave, seedOccupancy } from './device/behaviour.js';
import type { ChargePoint, SimEvent } from './device/charge-point.js';
import { CommandError } from './device/commands.js';
import type { KeepAliveOptions } from '@dso/iec61850';
import type { ChargePointDescription, FleetDescription } from './fleet-file.js';
import { GridFrequency } from './grid-frequency.js';
import type { OcppMessage } from './ocpp/ocpp-log.js';
import { Prng } from './prng.js';

export interface FleetOptions {
  /** `ws://host:port` of the DSO server (the `/rti/<accessPoint>` path is added). */
  serverUrl: string;
  fleet: FleetDescription;
  seed?: number;
  /** Physics step and measurement period (default 1000 ms). */
  measurementIntervalMs?: number;
  /** Default: the system clock, stepped by timers. A ManualClock is stepped by `advance()`. */
  clock?: Clock;
  /** EVs arrive and leave by themselves (default true; scenarios and tests turn it off). */
  autonomous?: boolean;
  logger?: LinkLogger;
  /** Gateway cache: mark values oldData after this long without an update (default 3 × interval). */
  staleAfterMs?: number;
  /** First reconnect delay (default 250 ms, doubling to 30 s). */
  minBackoffMs?: number;
  /** Do not dial in (physics, models and report engines only): the bench's baseline. */
  offline?: boolean;
  /** WebSocket keep-alive of every link (default: the library's 10 s ping, 20 s timeout). */
  keepAlive?: KeepAliveOptions | false;
  /** Select timeout of SBO controls (default 30 000 ms). */
  sboTimeoutMs?: number;
  /** Keep at most this many events in `events()` (default 10 000). */
  eventCapacity?: number;
}

export interface FleetStats {
  accessPoints: number;
  connected: number;
  chargePoints: number;
  charging: number;
  discharging: number;
  reportsSent: number;
  powerW: number;
}

const silent: LinkLogger = { info: () => undefined, warn: () => undefined };

export class Fleet {
  readonly accessPoints: AccessPointSim[] = [];
  private readonly chargePoints = new Map<string, ChargePoint>();
  private readonly byAccessPoint = new Map<string, AccessPointSim>();
  private readonly lastStep = new Map<ChargePoint, number>();
  private readonly eventLog: SimEvent[] = [];
  private readonly listeners = new Set<(e: SimEvent) => void>();
  private readonly clock: Clock;
  private readonly frequency: GridFrequency;
  private readonly interval: number;
  private readonly autonomous: boolean;
  private timer: NodeJS.Timeout | undefined;
  private slot = 0;
  /** Steps per interval over which the fleet is spread (about 100 charge points each, 10..50). */
  private readonly slices: number;
  private frequencyHz = 50;
  private started = false;
  private lastMeterValuesLog = 0;

  constructor(private readonly options: FleetOptions) {
    const seed = options.seed ?? 1;
    this.clock = options.clock ?? systemClock;
    this.interval = options.measurementIntervalMs ?? 1000;
    this.autonomous = options.autonomous ?? true;
    this.frequency = new GridFrequency(Prng.derive(seed, 'grid-frequency'));
    const emit = (e: SimEvent): void => this.record(e);
    const total = options.fleet.accessPoints.reduce((n, a) => n + a.chargePoints.length, 0);
    this.slices = Math.min(50, Math.max(10, Math.ceil(total / 100)));
    for (const ap of options.fleet.accessPoints) {
      const sim = new AccessPointSim(ap, {
        serverUrl: options.serverUrl, seed, now: () => this.clock.now(), emit, logger: options.logger ?? silent,
        staleAfterMs: options.staleAfterMs ?? 3 * this.interval,
        ...(options.minBackoffMs !== undefined ? { minBackoffMs: options.minBackoffMs } : {}),
        ...(options.sboTimeoutMs !== undefined ? { sboTimeoutMs: options.sboTimeoutMs } : {}),
        ...(options.keepAlive !== undefined ? { keepAlive: options.keepAlive } : {}),
      });
      this.accessPoints.push(sim);
      this.byAccessPoint.set(ap.id, sim);
      for (const cp of sim.chargePoints) this.chargePoints.set(cp.id, cp);
    }
    const now = this.clock.now();
    for (const cp of this.chargePoints.values()) {
      cp.boot();
      if (this.autonomous) seedOccupancy(cp, now);
      this.lastStep.set(cp, now);
      cp.refresh();
    }
  }

  /** Dials every access point in; resolves once each has associated or failed its first attempt. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (!this.options.offline) await Promise.all(this.accessPoints.map((ap) => ap.link.start()));
    if (this.clock === systemClock || !('advance' in this.clock)) {
      this.timer = setInterval(() => this.tickSlice(), this.interval / this.slices);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const ap of this.accessPoints) ap.stop();
    await new Promise((resolve) => setImmediate(resolve));
  }

  chargePoint(id: string): ChargePoint {
    const cp = this.chargePoints.get(id);
    if (!cp) throw new CommandError(`no charge point "${id}" in this fleet`);
    return cp;
  }

  accessPoint(id: string): AccessPointSim {
    const ap = this.byAccessPoint.get(id) ?? this.byAccessPoint.get(this.chargePoint(id).accessPointId);
    if (!ap) throw new CommandError(`no access point "${id}" in this fleet`);
    return ap;
  }

  get chargePointIds(): string[] {
    return [...this.chargePoints.keys()];
  }

  /**
   * Drops a DSO link: an access point id (or a public charge point id) closes its WebSocket and
   * stays down until `restoreLink`; a residential charge point id drops its OCPP link to the CPO
   * gateway instead (the gateway then serves its cache as oldData).
   */
  dropLink(id: string): void {
    const gatewaySink = this.residentialSink(id);
    if (gatewaySink) {
      gatewaySink.ocppLinkUp = false;
      this.chargePoint(id).ocppLinkUp = false;
      return;
    }
    this.accessPoint(id).link.drop();
  }

  restoreLink(id: string): void {
    const gatewaySink = this.residentialSink(id);
    if (gatewaySink) {
      gatewaySink.ocppLinkUp = true;
      const cp = this.chargePoint(id);
      cp.ocppLinkUp = true;
      cp.boot();
      cp.resync();
      return;
    }
    this.accessPoint(id).link.restore();
  }

  private residentialSink(id: string): ReturnType<AccessPointSim['gatewaySinks']['get']> {
    const cp = this.chargePoints.get(id);
    return cp ? this.byAccessPoint.get(cp.accessPointId)?.gatewaySinks.get(id) : undefined;
  }

  /**
   * A new residential charge point joins a CPO gateway (use case 3.1 residential): new LD, raised
   * configRev, the gateway reconnects. Resolves after the gateway's first dial-in attempt.
   */
  async addChargePoint(gatewayId: string, cp: ChargePointDescription): Promise<ChargePoint> {
    const ap = this.byAccessPoint.get(gatewayId);
    if (!ap) throw new CommandError(`no access point "${gatewayId}" in this fleet`);
    if (this.chargePoints.has(cp.id)) throw new CommandError(`charge point "${cp.id}" exists already`);
    const added = await ap.addChargePoint({ ...cp, architecture: 'residential' }, this.started);
    this.chargePoints.set(added.id, added);
    this.lastStep.set(added, this.clock.now());
    added.boot();
    added.refresh();
    return added;
  }

  /** Holds the grid frequency at `hz` for `durationMs` (simulation time). */
  frequencyEvent(hz: number, durationMs: number): void {
    if (!Number.isFinite(hz) || hz < 45 || hz > 55) throw new CommandError(`frequency must be within 45..55 Hz, got ${hz}`);
    this.frequency.startEvent(hz, this.clock.now(), durationMs);
    this.record({ atMs: this.clock.now(), chargePointId: '*', kind: 'control', detail: `frequency event ${hz} Hz for ${durationMs} ms` });
    this.stepAll(0);
  }

  ocppLog(id: string): readonly OcppMessage[] {
    return this.chargePoint(id).ocpp.messages();
  }

  events(): readonly SimEvent[] {
    return this.eventLog;
  }

  onEvent(listener: (e: SimEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Manual clock: advances time by `ms` in measurement-interval steps (bounded by `ms`). */
  advance(ms: number): void {
    const clock = this.clock as Partial<{ advance(ms: number): void }>;
    if (typeof clock.advance !== 'function') throw new CommandError('advance() needs a ManualClock');
    let left = ms;
    while (left > 0) {
      const dt = Math.min(this.interval, left);
      clock.advance(dt);
      this.stepAll(dt);
      left -= dt;
    }
  }

  stats(): FleetStats {
    let charging = 0;
    let discharging = 0;
    let powerW = 0;
    for (const cp of this.chargePoints.values()) {
      powerW += cp.powerW;
      for (const e of cp.evses) {
        if (e.powerW > 0.5) charging += 1;
        else if (e.powerW < -0.5) discharging += 1;
      }
    }
    return {
      accessPoints: this.accessPoints.length,
      connected: this.accessPoints.filter((a) => a.link.isUp).length,
      chargePoints: this.chargePoints.size,
      charging, discharging, powerW,
      reportsSent: this.accessPoints.reduce((s, a) => s + a.link.reportsSent(), 0),
    };
  }

  /** Every value of every IED model as text (to check that no driver identity crosses over). */
  modelText(): string {
    const parts: string[] = [];
    for (const ap of this.accessPoints) {
      for (const ld of ap.server.model.logicalDevices.values()) {
        for (const ln of ld.logicalNodes.values()) for (const leaf of ap.server.model.leaves(ln)) parts.push(JSON.stringify(leaf.value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
      }
    }
    return parts.join('\n');
  }

  private record(e: SimEvent): void {
    this.eventLog.push(e);
    if (this.eventLog.length > (this.options.eventCapacity ?? 10_000)) this.eventLog.shift();
    for (const l of this.listeners) l(e);
  }

  /** Steps every charge point to now (dt = time since its own last step). */
  private stepAll(dtMs: number): void {
    const now = this.clock.now();
    this.frequencyHz = this.frequency.sample(now, dtMs);
    for (const cp of this.chargePoints.values()) this.stepOne(cp, now);
    this.afterSteps(now);
  }

  private tickSlice(): void {
    const now = this.clock.now();
    if (this.slot === 0) this.frequencyHz = this.frequency.sample(now, this.interval); // once per interval
    let i = 0;
    for (const cp of this.chargePoints.values()) {
      if (i % this.slices === this.slot) this.stepOne(cp, now);
      i += 1;
    }
    this.slot = (this.slot + 1) % this.slices;
    this.afterSteps(now);
  }

  private stepOne(cp: ChargePoint, now: number): void {
    const dt = now - (this.lastStep.get(cp) ?? now);
    this.lastStep.set(cp, now);
    cp.frequencyHz = this.frequencyHz;
    if (this.autonomous && dt > 0) behave(cp, now, dt);
    cp.step(dt);
  }

  private afterSteps(now: number): void {
    for (const ap of this.accessPoints) if (ap.isGateway) ap.checkCaches(now);
    if (now - this.lastMeterValuesLog < 60_000) return;
    this.lastMeterValuesLog = now;
    for (const cp of this.chargePoints.values()) if (cp.ocppLinkUp && cp.evses.some((e) => e.inTransaction)) cp.logMeterValues();
  }
}
