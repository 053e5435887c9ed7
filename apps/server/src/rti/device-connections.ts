// The /rti/<accessPoint> endpoint on the server's port and the live device associations: one per
// access point (a newer connection replaces the older one cleanly: the old association is aborted
// first), keep-alive and loss detection from the transport, up/down published on the live bus and
// stored as events.
import type { IncomingMessage } from 'node:http';
import { AcsiClient, createRtiEndpoint, type Logger as AcsiLogger, type WsChannel } from '@dso/iec61850';
import type { Logger } from '../logger.js';
import type { UpgradeRoute } from '../http/server.js';
import { deviceAuthenticator } from './device-auth.js';
import { DeviceSession, type SessionDeps } from './device-session.js';

export interface DeviceConnectionsOptions extends SessionDeps {
  keepAlive: { intervalMs: number; timeoutMs: number };
  requestTimeoutMs?: number;
}

const acsiLogger = (log: Logger): AcsiLogger => ({
  warn: (msg, meta) => log.warn(meta ?? {}, msg),
  info: (msg, meta) => log.debug(meta ?? {}, msg),
  debug: (msg, meta) => log.trace(meta ?? {}, msg),
});

export class DeviceConnections {
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly endpoint;
  private readonly auth;
  private readonly settled = new Set<Promise<void>>();

  constructor(private readonly opts: DeviceConnectionsOptions) {
    this.auth = deviceAuthenticator(opts.db, opts.now, (ap, status, message) => opts.log.warn({ accessPoint: ap, status, message }, 'device refused at upgrade'));
    this.endpoint = createRtiEndpoint({
      authenticate: this.auth.authenticate,
      keepAlive: opts.keepAlive,
      onChannel: (channel, req) => this.onChannel(channel, req),
      onError: (err) => opts.log.warn({ err }, 'rti upgrade error'),
    });
  }

  readonly upgradeRoute: UpgradeRoute = (req, socket, head) => this.endpoint.handleUpgrade(req, socket, head);

  session(accessPointId: string): DeviceSession | undefined {
    return this.sessions.get(accessPointId);
  }

  connectedAccessPoints(): string[] {
    return [...this.sessions.keys()];
  }

  private onChannel(channel: WsChannel, req: IncomingMessage): void {
    const ap = channel.accessPoint ?? '';
    const credential = this.auth.credentialOf(req);
    if (!credential) return channel.close(4401, 'not authenticated');
    const log = this.opts.log.child({ accessPoint: ap });
    const previous = this.sessions.get(ap);
    if (previous) previous.abort('replaced by a new connection');
    const client = AcsiClient.attach(channel, { logger: acsiLogger(log), requestTimeoutMs: this.opts.requestTimeoutMs ?? 10_000 });
    const session = new DeviceSession(this.opts, client, channel, credential);
    this.sessions.set(ap, session);
    client.association.on('down', (reason) => {
      session.ended_(reason.cause);
      if (this.sessions.get(ap) === session) this.sessions.delete(ap);
      log.info({ cause: reason.cause, detail: reason.detail }, 'device association down');
    });
    const run = session.run().catch((err: unknown) => {
      log.error({ err }, 'device session failed');
      session.abort('internal error');
    });
    this.settled.add(run);
    void run.finally(() => this.settled.delete(run));
  }

  /** Per connected access point: the library's report stream and association counters. */
  linkStats() {
    return Object.fromEntries(
      [...this.sessions].map(([ap, s]) => [ap, { reports: { ...s.client.reportStream.stats }, association: { ...s.client.association.stats } }]),
    );
  }

  /** Ends the associations that authenticated with a credential (after it was revoked). */
  disconnectCredential(credentialId: string): number {
    let n = 0;
    for (const s of this.sessions.values()) {
      if (s.credentialId !== credentialId) continue;
      s.channel.close(4401, 'token revoked');
      n += 1;
    }
    return n;
  }

  async close(): Promise<void> {
    for (const s of this.sessions.values()) s.abort('server shutting down');
    this.endpoint.close();
    await Promise.allSettled([...this.settled]);
  }
}
