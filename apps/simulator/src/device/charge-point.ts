// One simulated charge point: its EVSEs and EVs, the commands a driver or the CPO gives it, and a
// step that turns settings + limits + frequency into power, energy, status and reactive power,
// written to its logical device (directly, or through the CPO gateway's cache).
import type { ChargePointDescription } from '../fleet-file.js';
import { OcppLog } from '../ocpp/ocpp-log.js';
import type { Prng } from '../prng.js';
import { allocate, limitsInForce, statusOf } from './allocate.js';
import type { LimitInputs, LimitsInForce } from './allocate.js';
import type { LdSink } from './ld-sink.js';
import { reactivePower } from './physics.js';
import { readSettings } from './settings.js';
import type { Settings } from './settings.js';
import { ChaSt, chaStName, SptReas } from './types.js';
import type { ChargePointState, EvseRuntime, Misbehaviour } from './types.js';
import { evseRefs, publishMeasurements } from './publish.js';
import { ChargePointCommands } from './commands.js';

/** What a charge point needs from the fleet around it. */
export interface ChargePointEnv {
  now(): number;
  /** ms the DSO link (own socket, or the gateway's) has been down; undefined while up. */
  dsoLinkDownMs(): number | undefined;
  emit(event: SimEvent): void;
}

export interface SimEvent {
  atMs: number;
  chargePointId: string;
  evseNo?: number;
  kind: 'evArrived' | 'evDeparted' | 'transactionStarted' | 'transactionStopped' | 'status' | 'limitSource' | 'fault' | 'control';
  detail: string;
}

export class ChargePoint extends ChargePointCommands {
  misbehaviour: Misbehaviour = {};
  frequencyHz = 50;
  powerW = 0;
  reactiveVar = 0;
  powerFactor = 1;
  private lastLimits: LimitsInForce | undefined;
  private lastSettings: Settings | undefined;
  private frequencyActive = false;
  private published = new Map<string, number | boolean>();

  constructor(
    desc: ChargePointDescription,
    readonly accessPointId: string,
    public sink: LdSink,
    env: ChargePointEnv,
    rng: Prng,
  ) {
    const evses: EvseRuntime[] = desc.evses.map((e) => ({
      evseNo: e.evseNo, maxPowerW: e.maxPowerW, v2gCapable: e.v2gCapable && desc.v2gCapable, status: ChaSt.Available, ev: undefined,
      inTransaction: false, reserved: false, unavailable: false, finishing: false, faulted: false, powerW: 0, importWh: 0, exportWh: 0,
    }));
    super(desc, evses, env, rng, new OcppLog());
  }

  /** Advances the physics by `dtMs` at the env's current time and publishes the result. */
  step(dtMs: number): void {
    const now = this.env.now();
    const s = readSettings(this.sink, this.desc.maxImportW);
    const limits = limitsInForce(this.desc, s, this.limitInputs());
    const alloc = allocate(this.desc, this.evses, s, limits, this.frequencyHz, this.misbehaviour);
    this.frequencyActive = alloc.frequencyActive;
    this.integrate(alloc.powerW, dtMs);
    this.powerW = this.evses.reduce((sum, e) => sum + e.powerW, 0);
    const q = reactivePower(this.powerW, s.reactive, this.desc.maxReactiveVar);
    this.reactiveVar = q.var;
    this.powerFactor = q.pf;
    this.lastSettings = s;
    this.noteLimitSource(limits, now);
    this.lastLimits = limits;
    for (const e of this.evses) this.setStatus(e, statusOf(e), now);
    this.publishState(now, limits);
  }

  private limitInputs(): LimitInputs {
    return { cpoW: this.cpoLimitW, dsoLinkDownMs: this.env.dsoLinkDownMs(), dsoHasSet: this.dsoHasSet, cpoHasSet: this.cpoHasSet };
  }

  private integrate(powerW: number[], dtMs: number): void {
    const hours = dtMs / 3_600_000;
    this.evses.forEach((e, i) => {
      const p = powerW[i] ?? 0;
      e.powerW = p;
      if (p > 0) e.importWh += p * hours;
      else e.exportWh += -p * hours;
      if (e.ev) e.ev.socPct = Math.max(0, Math.min(100, e.ev.socPct + ((p * hours) / e.ev.capacityWh) * 100));
    });
  }

  private noteLimitSource(limits: LimitsInForce, now: number): void {
    if (this.lastLimits?.source === limits.source && this.lastLimits.fallbackActive === limits.fallbackActive) return;
    this.env.emit({ atMs: now, chargePointId: this.desc.id, kind: 'limitSource', detail: `${limits.source} ${Math.round(limits.effectiveW)} W` });
  }

  private publishState(now: number, limits: LimitsInForce): void {
    const w = (ref: string, value: number | boolean): void => {
      if (this.published.get(ref) === value) return;
      this.published.set(ref, value);
      this.sink.write(ref, value, now);
    };
    w('DWMX1.SptReas', SptReas[limits.source]);
    w('DWMX2.WMaxSpt', this.cpoLimitW);
    w('LLN0.Health', this.evses.some((e) => e.faulted) ? 2 : 1);
    w('LPHD1.PhyHealth', this.evses.some((e) => e.faulted) ? 2 : 1);
    w('LLN0.Beh', this.sink.read('LLN0.Mod.stVal') ?? 1);
    if (this.desc.freqResponseCapable) w('DFWC1.FctOpSt', this.frequencyActive ? 2 : 1);
    for (const e of this.evses) {
      const refs = evseRefs(e.evseNo);
      w(refs.chaSt, e.status);
      w(refs.evConn, e.ev !== undefined);
    }
    publishMeasurements(this, (ref, v, db) => {
      const last = this.published.get(ref);
      // a move to or from zero always counts (a stopped charge point shows 0 W, not 8 W)
      if (typeof last === 'number' && Math.abs(v - last) < db && v !== 0 && last !== 0) return;
      w(ref, v);
    });
    this.sink.touch(now);
  }

  get state(): ChargePointState {
    const limits = this.lastLimits ?? limitsInForce(this.desc, readSettings(this.sink, this.desc.maxImportW), this.limitInputs());
    return {
      id: this.desc.id,
      accessPointId: this.accessPointId,
      architecture: this.desc.architecture,
      mod: this.lastSettings?.mod ?? 1,
      health: this.evses.some((e) => e.faulted) ? 2 : 1,
      dsoLinkUp: this.env.dsoLinkDownMs() === undefined,
      ocppLinkUp: this.ocppLinkUp,
      frequencyHz: this.frequencyHz,
      powerW: this.powerW,
      reactivePowerVar: this.reactiveVar,
      powerFactor: this.powerFactor,
      importWh: this.evses.reduce((s, e) => s + e.importWh, 0),
      exportWh: this.evses.reduce((s, e) => s + e.exportWh, 0),
      limits: { ...limits },
      v2gSetpointW: this.lastSettings?.v2gSetpointW ?? 0,
      frequencyResponseActive: this.frequencyActive,
      evses: this.evses.map((e) => ({
        evseNo: e.evseNo, status: chaStName(e.status), chaSt: e.status, evConnected: e.ev !== undefined, socPct: e.ev?.socPct,
        inTransaction: e.inTransaction, powerW: e.powerW, importWh: e.importWh, exportWh: e.exportWh,
      })),
    };
  }

  /** Makes the device misbehave (for alarm and verification tests); `{}` restores good behaviour. */
  misbehave(m: Misbehaviour): void {
    this.misbehaviour = { ...m };
    this.refresh();
  }

  /** The CPO gateway's OCPP message towards this charge point for a DSO control. */
  ocppLogDso(action: 'SetChargingProfile', payload: Record<string, unknown>): void {
    this.log('cpo→cp', action, { ...payload, origin: 'DSO' });
  }

  switchOffOther(modRef: 'DFPF1.Mod' | 'DVAR1.Mod'): void {
    if ((this.sink.read(`${modRef}.stVal`) ?? 5) !== 1) return;
    this.sink.write(modRef, 5, this.env.now());
  }

  /** Writes every value again on the next step (after an OCPP link came back: the cache missed them). */
  resync(): void {
    this.published.clear();
    this.refresh();
  }

  /** Re-runs the decision without advancing time (after a control or a command). */
  refresh(): void {
    this.step(0);
  }
}
