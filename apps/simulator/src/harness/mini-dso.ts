// A small DSO for tests, standalone scenario runs and the bench: an HTTP server on 127.0.0.1 (port 0) with the protocol library's
// `/rti/<accessPoint>` endpoint and one AcsiClient per device connection — what apps/server does,
// without the database. Collects reports and can enable the profile's four RCBs.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AcsiClient, attachRtiEndpoint, bearerToken } from '@dso/iec61850';
import type { ClientReport, RtiEndpoint } from '@dso/iec61850';

export class MiniDso {
  readonly clients = new Map<string, AcsiClient>();
  readonly reports: Array<ClientReport & { accessPoint: string }> = [];
  readonly lastEntryId = new Map<string, Uint8Array>();
  readonly connects: string[] = [];
  private waiters: Array<() => void> = [];
  private http: Server | undefined;
  private endpoint: RtiEndpoint | undefined;
  url = '';

  /** Reports received over every association (also when not kept). */
  reportCount = 0;

  constructor(
    private readonly tokens?: Record<string, string>,
    private readonly keepReports = true,
  ) {}

  async start(): Promise<this> {
    const http = createServer();
    this.endpoint = attachRtiEndpoint(http, {
      authenticate: (req, ap) => {
        if (!this.tokens) return { allow: true };
        const token = bearerToken(req);
        if (token === undefined) return { allow: false, status: 401 };
        return this.tokens[ap] === token ? { allow: true } : { allow: false, status: 403 };
      },
      onChannel: (channel) => {
        const ap = channel.accessPoint ?? '?';
        const client = AcsiClient.attach(channel);
        client.onReport((r) => {
          this.reportCount += 1;
          if (this.keepReports) this.reports.push({ ...r, accessPoint: ap });
          if (r.entryID) this.lastEntryId.set(r.rcbRef, r.entryID);
        });
        client
          .ready()
          .then((ok) => {
            if (!ok) return;
            this.clients.set(ap, client);
            this.connects.push(ap);
            for (const w of this.waiters.splice(0)) w();
          })
          .catch(() => undefined);
      },
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    this.http = http;
    this.url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
    return this;
  }

  client(ap: string): AcsiClient {
    const c = this.clients.get(ap);
    if (!c) throw new Error(`no association for ${ap}`);
    return c;
  }

  /** Resolves when `predicate` holds, re-checking on each new association and every 10 ms (bounded). */
  async until(predicate: () => boolean, what: string, maxMs = 5000): Promise<void> {
    const deadline = Date.now() + maxMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 10);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async connected(ap: string, count = 1): Promise<AcsiClient> {
    await this.until(() => this.connects.filter((c) => c === ap).length >= count && this.clients.get(ap)?.association.state === 'up', `${ap} to associate`);
    return this.client(ap);
  }

  /** Enables the four RCBs of an LD (BRCBs resume after the last EntryID seen, if any) with GI. */
  async enableReports(ap: string, ld: string): Promise<void> {
    const c = this.client(ap);
    for (const name of ['urcbSetpoints', 'urcbMeasurements']) {
      const r = await c.setURCBValues({ urcbRef: `${ld}/LLN0.${name}`, rptEna: true, gi: true });
      if (!r.ok) throw new Error(`enable ${name}: ${JSON.stringify(r.error)}`);
    }
    for (const name of ['brcbStatus', 'brcbEnergy']) {
      const ref = `${ld}/LLN0.${name}`;
      const r = await c.setBRCBValues({ brcbRef: ref, entryID: this.lastEntryId.get(ref) ?? new Uint8Array(8), rptEna: true, gi: true });
      if (!r.ok) throw new Error(`enable ${name}: ${JSON.stringify(r.error)}`);
    }
  }

  /** Values in reports received so far for a data attribute ref (e.g. `VC-0001/DESE1.ChaSt.stVal`). */
  reported(dataRef: string): unknown[] {
    return this.reports.flatMap((r) => r.entries.filter((e) => e.dataRef === dataRef).map((e) => Object.values(e.value ?? {})[0] as unknown));
  }

  async stop(): Promise<void> {
    for (const c of this.clients.values()) c.association.abort();
    this.endpoint?.close();
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }
}
