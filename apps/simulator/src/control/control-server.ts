// Loopback HTTP control API (127.0.0.1 only) mirroring the library API, for demos, e2e tests and
// scripts:  GET /state · GET /charge-points/:id · GET /charge-points/:id/ocpp · GET /events
//           POST /charge-points/:id/{plug-in,unplug,start,stop,reserve,cancel-reservation,
//                unavailable,available,cpo-limit,trigger,fault,clear-fault,misbehave}
//           POST /links/:id/{drop,restore} · POST /frequency {hz, durationMs}
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandError } from '../device/commands.js';
import type { Fleet } from '../fleet.js';
import { chargePointAction } from './actions.js';

const MAX_BODY = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({});
      try {
        const json: unknown = JSON.parse(text);
        if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
        resolve(json as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

async function route(fleet: Fleet, method: string, parts: string[], req: IncomingMessage): Promise<unknown> {
  const [a, id, action] = parts;
  if (method === 'GET' && a === 'state' && parts.length === 1) return fleet.stats();
  if (method === 'GET' && a === 'events') return fleet.events().slice(-500);
  if (method === 'GET' && a === 'charge-points' && id && !action) return fleet.chargePoint(id).state;
  if (method === 'GET' && a === 'charge-points' && id && action === 'ocpp') return fleet.ocppLog(id);
  if (method !== 'POST') throw new HttpError(404, `no route ${method} /${parts.join('/')}`);
  const body = await readBody(req);
  if (a === 'frequency' && parts.length === 1) {
    fleet.frequencyEvent(Number(body.hz), Number(body.durationMs ?? 10_000));
    return { ok: true };
  }
  if (a === 'links' && id && (action === 'drop' || action === 'restore')) {
    if (action === 'drop') fleet.dropLink(id);
    else fleet.restoreLink(id);
    return { ok: true };
  }
  if (a === 'charge-points' && id && action) {
    const cp = fleet.chargePoint(id);
    chargePointAction(cp, action, body);
    cp.refresh();
    return cp.state;
  }
  throw new HttpError(404, `no route POST /${parts.join('/')}`);
}

export interface ControlServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the control API on 127.0.0.1:`port` (0 = any free port). */
export async function startControlServer(fleet: Fleet, port: number): Promise<ControlServer> {
  const server: Server = createServer((req, res) => {
    const parts = (req.url ?? '/').split('?')[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
    route(fleet, req.method ?? 'GET', parts, req)
      .then((body) => send(res, 200, body))
      .catch((error: unknown) => {
        if (error instanceof HttpError) send(res, error.status, { error: error.message });
        else if (error instanceof CommandError) send(res, error.message.startsWith('no ') ? 404 : 409, { error: error.message });
        else send(res, 500, { error: error instanceof Error ? error.message : String(error) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
