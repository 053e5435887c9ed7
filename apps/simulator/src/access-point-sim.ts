// One access point of the fleet: its IED (AcsiServer with the profile model), its DSO link, and the
// charge points behind it (one for a public charge point; many behind a CPO gateway, each with a
// proxy LD fed from the gateway's cache).
import { AcsiServer } from '@dso/iec61850';
import type { ControlServiceStatusKind, Data, KeepAliveOptions } from '@dso/iec61850';
import { AccessPointLink } from './access-point.js';
import type { LinkLogger } from './access-point.js';
import { ChargePoint } from './device/charge-point.js';
import type { SimEvent } from './device/charge-point.js';
import { decideControl } from './device/control-hook.js';
import { DirectSink, GatewayCacheSink } from './device/ld-sink.js';
import type { AccessPointDescription, ChargePointDescription } from './fleet-file.js';
import { CommandError } from './device/commands.js';
import { Prng } from './prng.js';
import { accessPointModel } from './profile/model-builder.js';

export interface AccessPointSimOptions {
  serverUrl: string;
  seed: number;
  now: () => number;
  emit: (event: SimEvent) => void;
  logger: LinkLogger;
  staleAfterMs: number;
  minBackoffMs?: number;
  sboTimeoutMs?: number;
  keepAlive?: KeepAliveOptions | false;
}

export function rtiUrl(serverUrl: string, accessPoint: string): string {
  const base = serverUrl.replace(/\/+$/, '');
  return `${base.endsWith('/rti') ? base : `${base}/rti`}/${encodeURIComponent(accessPoint)}`;
}

export class AccessPointSim {
  server: AcsiServer;
  link: AccessPointLink;
  readonly chargePoints: ChargePoint[] = [];
  readonly gatewaySinks = new Map<string, GatewayCacheSink>();
  private readonly byLd = new Map<string, ChargePoint>();
  /** LLN0.NamPlt.configRev of every LD: raised when the gateway's configuration changes. */
  private configRev = 1;

  readonly desc: AccessPointDescription;

  constructor(
    desc: AccessPointDescription,
    private readonly options: AccessPointSimOptions,
  ) {
    this.desc = { ...desc, chargePoints: [...desc.chargePoints] };
    this.server = this.buildServer();
    for (const cpDesc of this.desc.chargePoints) this.addCp(cpDesc);
    this.link = this.buildLink();
  }

  private buildServer(): AcsiServer {
    const model = accessPointModel(this.desc, { configRev: String(this.configRev), ...(this.options.sboTimeoutMs !== undefined ? { sboTimeoutMs: this.options.sboTimeoutMs } : {}) });
    return new AcsiServer({ model, onControl: (ref, value) => this.onControl(ref, value) });
  }

  private buildLink(): AccessPointLink {
    const o = this.options;
    return new AccessPointLink(this.desc.id, {
      url: rtiUrl(o.serverUrl, this.desc.id), token: this.desc.token, server: this.server,
      rng: Prng.derive(o.seed, `link:${this.desc.id}:${this.configRev}`), now: o.now, logger: o.logger,
      ...(o.minBackoffMs !== undefined ? { minBackoffMs: o.minBackoffMs } : {}),
      ...(o.keepAlive !== undefined ? { keepAlive: o.keepAlive } : {}),
    });
  }

  private sinkFor(cpDesc: ChargePointDescription): DirectSink {
    if (!this.isGateway) return new DirectSink(this.server, cpDesc.logicalDevice);
    const sink = new GatewayCacheSink(this.server, cpDesc.logicalDevice, this.options.staleAfterMs);
    sink.ocppLinkUp = this.gatewaySinks.get(cpDesc.id)?.ocppLinkUp ?? true;
    this.gatewaySinks.set(cpDesc.id, sink);
    return sink;
  }

  private addCp(cpDesc: ChargePointDescription): ChargePoint {
    const env = { now: this.options.now, dsoLinkDownMs: () => this.link.downForMs(), emit: this.options.emit };
    const cp = new ChargePoint(cpDesc, this.desc.id, this.sinkFor(cpDesc), env, Prng.derive(this.options.seed, cpDesc.id));
    this.chargePoints.push(cp);
    this.byLd.set(cpDesc.logicalDevice, cp);
    return cp;
  }

  /**
   * CPO gateway: a new residential charge point joins (use case 3.1 residential). The gateway
   * reconfigures like a real one: its IED gets the new LD and a raised NamPlt.configRev on every
   * LD, it closes the DSO link and dials in again (buffered report entries are lost, as on a
   * reconfiguration); the other charge points keep their state and rewrite their values.
   */
  async addChargePoint(cpDesc: ChargePointDescription, started: boolean): Promise<ChargePoint> {
    if (!this.isGateway) throw new CommandError(`${this.desc.id} is not a CPO gateway`);
    if (this.byLd.has(cpDesc.logicalDevice)) throw new CommandError(`${this.desc.id} already has ${cpDesc.logicalDevice}`);
    this.link.stop();
    this.server.close();
    this.desc.chargePoints.push(cpDesc);
    this.configRev += 1;
    this.server = this.buildServer();
    for (const cp of this.chargePoints) {
      cp.sink = this.sinkFor(cp.desc);
      cp.resync();
    }
    const cp = this.addCp(cpDesc);
    this.link = this.buildLink();
    if (started) await this.link.start();
    return cp;
  }

  get isGateway(): boolean {
    return this.desc.kind === 'cpoGateway';
  }

  private onControl(ref: string, value: Data): 'accept' | ControlServiceStatusKind {
    const slash = ref.indexOf('/');
    const cp = this.byLd.get(ref.slice(0, slash));
    if (!cp) return 'unknown';
    const doRef = ref.slice(slash + 1);
    const verdict = decideControl(cp, doRef, value, this.isGateway);
    this.options.emit({ atMs: this.options.now(), chargePointId: cp.id, kind: 'control', detail: `${doRef} ${JSON.stringify(value)} → ${verdict}` });
    if (verdict === 'accept') setImmediate(() => cp.refresh());
    return verdict;
  }

  /** Gateway: marks the cache of charge points whose OCPP link has been quiet too long. */
  checkCaches(nowMs: number): void {
    for (const sink of this.gatewaySinks.values()) sink.checkStale(nowMs);
  }

  stop(): void {
    this.link.stop();
    this.server.close();
  }
}
