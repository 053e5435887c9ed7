// One device association (one access point): associate → discover each LD → register unknown LDs
// as pending (use case 3.1) → enable the reports of approved LDs → feed reports to ingest. Ends on
// loss, release, token expiry (close 4401) or replacement by a newer connection.
import type { AcsiClient, WsChannel } from '@dso/iec61850';
import type { Db, DbProvider } from '../db/client.js';
import { readLatestSamples } from '../ingest/latest.repository.js';
import type { Logger } from '../logger.js';
import * as repo from '../features/devices/devices.repository.js';
import type { IngestService, ReportSource } from '../ingest/ingest-service.js';
import type { LiveBus } from '../live/bus.js';
import type { BatchWriter } from '../ingest/batch-writer.js';
import { checkDeviceToken, type DeviceCredentialInfo } from './device-auth.js';
import { discoverLogicalDevice, DiscoveryError } from './discovery.js';
import { enableReports, requestGi, type EnabledRcb } from './report-setup.js';
import { TokenBucket } from './token-bucket.js';

export interface SessionDeps {
  db: Db;
  log: Logger;
  bus: LiveBus;
  ingest: IngestService;
  writer: BatchWriter;
  now: () => Date;
  maxReportsPerSPerLd: number;
  provider: DbProvider;
  /** How often to look for new LDs (a CPO gateway's new charge point), ms (default 5 min). */
  directoryRefreshMs?: number;
}

const SETUP_CONCURRENCY = 4;

export class DeviceSession implements ReportSource {
  readonly accessPointId: string;
  associationUpMs = 0;
  private readonly ldToChargePoint = new Map<string, string>();
  private readonly multipliers = new Map<string, Map<string, number>>();
  private readonly rcbs = new Map<string, EnabledRcb>();
  private readonly bucket: TokenBucket;
  private readonly log: Logger;
  private expiryTimer: NodeJS.Timeout | undefined;
  private ended = false;
  private readonly rediscovering = new Set<string>();
  /** LDs of the server directory already handled (approved, pending or refused) */
  private readonly seenLds = new Set<string>();
  private directoryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: SessionDeps,
    readonly client: AcsiClient,
    readonly channel: WsChannel,
    private credential: DeviceCredentialInfo,
  ) {
    this.accessPointId = channel.accessPoint ?? '';
    this.log = deps.log.child({ accessPoint: this.accessPointId });
    this.bucket = new TokenBucket(deps.maxReportsPerSPerLd, deps.maxReportsPerSPerLd * 2, () => deps.now().getTime());
  }

  get credentialId(): string {
    return this.credential.id;
  }

  get chargePointIds(): string[] {
    return [...this.ldToChargePoint.values()];
  }

  chargePointOf(ld: string): string | undefined {
    return this.ldToChargePoint.get(ld);
  }

  multiplierOf(ld: string, object: string): number | undefined {
    return this.multipliers.get(ld)?.get(object);
  }

  rcb(rcbRef: string): EnabledRcb | undefined {
    return this.rcbs.get(rcbRef);
  }

  takeToken(): boolean {
    return this.bucket.take();
  }

  requestGi(rcb: EnabledRcb): void {
    void requestGi(this.client, rcb).catch((err: unknown) => this.log.warn({ err }, 'GI request failed'));
  }

  abort(reason: string): void {
    if (this.ended) return;
    this.log.warn({ reason }, 'aborting the association');
    this.client.association.abort();
    this.channel.close(1011, reason);
  }

  rediscover(ld: string): void {
    if (this.rediscovering.has(ld)) return;
    this.rediscovering.add(ld);
    for (const [ref, rcb] of this.rcbs) if (rcb.ld === ld) this.rcbs.delete(ref);
    this.ldToChargePoint.delete(ld);
    void this.setUpLogicalDevice(ld, new Map())
      .then(() => this.refreshDirectory())
      .catch((err: unknown) => this.log.error({ err, ld }, 'rediscovery failed'))
      .finally(() => this.rediscovering.delete(ld));
  }

  /** Sets up LDs that appeared since the association started (a CPO gateway's new charge point). */
  async refreshDirectory(): Promise<void> {
    if (this.ended) return;
    const dir = await this.client.getServerDirectory();
    if (!dir.ok) return;
    const fresh = dir.value.map((n) => n.split('/')[0] ?? n).filter((ld) => !this.seenLds.has(ld));
    if (fresh.length === 0) return;
    this.log.info({ logicalDevices: fresh }, 'new logical devices');
    await this.setUpAll(fresh, await repo.readCursors(this.deps.db, this.accessPointId));
  }

  private async setUpAll(lds: string[], cursors: ReadonlyMap<string, string>): Promise<void> {
    for (const ld of lds) this.seenLds.add(ld);
    const queue = [...lds];
    const worker = async () => {
      for (let ld = queue.shift(); ld !== undefined; ld = queue.shift()) await this.setUpLogicalDevice(ld, cursors);
    };
    await Promise.all(Array.from({ length: Math.min(SETUP_CONCURRENCY, queue.length) }, worker));
  }

  /** Runs the association until it ends; resolves when it is down. */
  async run(): Promise<void> {
    this.client.onReport((r) => this.deps.ingest.handle(this, r));
    this.client.association.on('refreshToken', (token) => void this.onRefreshToken(token));
    this.watchExpiry();
    if (!(await this.client.ready())) return;
    this.associationUpMs = this.deps.now().getTime();
    const dir = await this.client.getServerDirectory();
    if (!dir.ok) {
      this.log.warn({ error: dir.error }, 'cannot read the server directory');
      return this.abort('discovery failed');
    }
    const cursors = await repo.readCursors(this.deps.db, this.accessPointId);
    for (const [key, entryId] of cursors) this.deps.ingest.primeCursor(this.accessPointId, key.replace('/', '/LLN0.'), entryId);
    const logicalDevices = dir.value.map((n) => n.split('/')[0] ?? n);
    this.bucket.setRate(this.deps.maxReportsPerSPerLd * Math.max(1, logicalDevices.length));
    await this.setUpAll(logicalDevices, cursors);
    this.directoryTimer = setInterval(() => void this.refreshDirectory().catch((err: unknown) => this.log.warn({ err }, 'directory refresh failed')), this.deps.directoryRefreshMs ?? 300_000);
    this.directoryTimer.unref();
    this.deps.bus.publish('association', { accessPointId: this.accessPointId, state: 'up', logicalDevices: this.chargePointIds, atMs: this.associationUpMs });
    this.log.info({ logicalDevices: logicalDevices.length, ingesting: this.ldToChargePoint.size }, 'device associated');
  }

  private async setUpLogicalDevice(ld: string, cursors: ReadonlyMap<string, string>): Promise<void> {
    const { db, now } = this.deps;
    const rows = await repo.chargePointsOfAccessPoint(db, this.accessPointId);
    const known = rows.find((r) => r.logicalDevice === ld);
    let discovered;
    try {
      discovered = await discoverLogicalDevice(this.client, ld);
    } catch (err) {
      if (err instanceof DiscoveryError) return void this.log.warn({ ld, err: err.message }, 'discovery failed');
      throw err;
    }
    if (discovered.missing.length > 0) this.log.warn({ ld, missing: discovered.missing }, 'LD lacks required logical nodes of the profile');
    if (!known) {
      const ap = await repo.findAccessPoint(db, this.accessPointId);
      if (!ap) return;
      if (await repo.chargePointExists(db, ld)) return void this.log.warn({ ld }, 'LD name belongs to a charge point of another access point');
      await repo.createPendingChargePoint(db, ap, ld, discovered.nameplate, discovered.evses, now());
      this.deps.writer.offer({ samples: [], events: [this.registrationEvent(ld)] }, false);
      return void this.log.info({ ld }, 'new logical device: pending registration');
    }
    await repo.updateDiscovered(db, known.id, discovered.nameplate, now());
    if (known.configRev !== '' && known.configRev !== discovered.nameplate.configRev) {
      const ts = now().getTime();
      const message = `Model changed (configRev ${known.configRev} → ${discovered.nameplate.configRev}): rediscovered`;
      this.deps.writer.offer({ samples: [], events: [{ kind: 'modelChanged', chargePointId: known.id, accessPointId: this.accessPointId, evseNo: null, message, details: { logicalNodes: discovered.logicalNodes, missing: discovered.missing }, atMs: ts, receivedAtMs: ts }] }, false);
    }
    if (known.registration !== 'approved') return;
    this.deps.ingest.primeLatest(await readLatestSamples(db, this.deps.provider, [known.id]));
    this.multipliers.set(ld, discovered.multipliers);
    this.ldToChargePoint.set(ld, known.id);
    // the in-memory cursor is newer than the database's when a commit raced the reconnect
    const cursorMap = new Map(cursors);
    for (const def of ['brcbStatus', 'brcbEnergy']) {
      const mem = this.deps.ingest.committedEntryId(this.accessPointId, `${ld}/LLN0.${def}`);
      if (mem) cursorMap.set(`${ld}/${def}`, mem);
    }
    const { notes } = await enableReports(this.client, ld, cursorMap, (rcb) => this.rcbs.set(rcb.rcbRef, rcb));
    if (notes.failed.length > 0 || notes.missing.length > 0) this.log.warn({ ld, ...notes }, 'report setup incomplete');
    for (const rcbRef of notes.unknownEntryId) {
      const ts = now().getTime();
      this.deps.writer.offer(
        { samples: [], events: [{ kind: 'gap', chargePointId: known.id, accessPointId: this.accessPointId, evseNo: null, message: `${rcbRef}: the device did not know the last committed EntryID; resumed from its oldest entry`, details: { rcb: rcbRef }, atMs: ts, receivedAtMs: ts }] },
        false,
      );
    }
  }

  private registrationEvent(ld: string) {
    const ts = this.deps.now().getTime();
    return { kind: 'registration', chargePointId: ld, accessPointId: this.accessPointId, evseNo: null, message: `New charge point ${ld} is waiting for approval`, details: {}, atMs: ts, receivedAtMs: ts };
  }

  private watchExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const expiresAt = this.credential.expiresAt;
    if (!expiresAt) return;
    const ms = Math.max(0, expiresAt.getTime() - this.deps.now().getTime());
    const MAX_TIMER_MS = 2_147_000_000; // setTimeout's limit (≈ 24.8 days): beyond it, look again later
    this.expiryTimer = setTimeout(() => {
      if (ms > MAX_TIMER_MS) return this.watchExpiry();
      this.log.warn('device token expired: closing with 4401');
      this.channel.close(4401, 'token expired');
    }, Math.min(ms, MAX_TIMER_MS));
    this.expiryTimer.unref();
  }

  private async onRefreshToken(token: string): Promise<void> {
    const check = await checkDeviceToken(this.deps.db, token, this.accessPointId, this.deps.now());
    if (!check.ok) return void this.log.warn({ status: check.status }, 'refreshToken refused');
    this.credential = check.credential;
    this.watchExpiry();
  }

  /** Called once when the association is down. */
  ended_(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    if (this.directoryTimer) clearInterval(this.directoryTimer);
    this.deps.bus.publish('association', { accessPointId: this.accessPointId, state: 'down', logicalDevices: this.chargePointIds, atMs: this.deps.now().getTime(), reason });
  }
}
