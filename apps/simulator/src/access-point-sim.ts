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
import type { AccessPointDescription } from './fleet-file.js';
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
  readonly server: AcsiServer;
  readonly link: AccessPointLink;
  readonly chargePoints: ChargePoint[] = [];
  readonly gatewaySinks = new Map<string, GatewayCacheSink>();
  private readonly byLd = new Map<string, ChargePoint>();

  constructor(
    readonly desc: AccessPointDescription,
    options: AccessPointSimOptions,
  ) {
    this.server = new AcsiServer({ model: accessPointModel(desc, options.sboTimeoutMs !== undefined ? { sboTimeoutMs: options.sboTimeoutMs } : {}), onControl: (ref, value) => this.onControl(ref, value) });
    const gateway = desc.kind === 'cpoGateway';
    for (const cpDesc of desc.chargePoints) {
      const sink = gateway ? new GatewayCacheSink(this.server, cpDesc.logicalDevice, options.staleAfterMs) : new DirectSink(this.server, cpDesc.logicalDevice);
      if (sink instanceof GatewayCacheSink) this.gatewaySinks.set(cpDesc.id, sink);
      const env = { now: options.now, dsoLinkDownMs: () => this.link.downForMs(), emit: options.emit };
      const cp = new ChargePoint(cpDesc, desc.id, sink, env, Prng.derive(options.seed, cpDesc.id));
      this.chargePoints.push(cp);
      this.byLd.set(cpDesc.logicalDevice, cp);
    }
    const linkOptions = {
      url: rtiUrl(options.serverUrl, desc.id), token: desc.token, server: this.server,
      rng: Prng.derive(options.seed, `link:${desc.id}`), now: options.now, logger: options.logger,
      ...(options.minBackoffMs !== undefined ? { minBackoffMs: options.minBackoffMs } : {}),
      ...(options.keepAlive !== undefined ? { keepAlive: options.keepAlive } : {}),
    };
    this.link = new AccessPointLink(desc.id, linkOptions);
    this.emitControl = options.emit;
    this.now = options.now;
  }

  private readonly emitControl: (event: SimEvent) => void;
  private readonly now: () => number;

  get isGateway(): boolean {
    return this.desc.kind === 'cpoGateway';
  }

  private onControl(ref: string, value: Data): 'accept' | ControlServiceStatusKind {
    const slash = ref.indexOf('/');
    const cp = this.byLd.get(ref.slice(0, slash));
    if (!cp) return 'unknown';
    const doRef = ref.slice(slash + 1);
    const verdict = decideControl(cp, doRef, value, this.isGateway);
    this.emitControl({ atMs: this.now(), chargePointId: cp.id, kind: 'control', detail: `${doRef} ${JSON.stringify(value)} → ${verdict}` });
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
