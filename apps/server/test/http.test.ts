// The real HTTP server on loopback: health, the session cookie's attributes, HTTP status codes of
// refused calls, tRPC over WebSocket with the cookie, and the static web app with SPA fallback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createHttpServer } from '../src/http/server.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-db.js';
import { testDeps } from '../src/testing/test-app.js';

let tdb: TestDatabase;
let base: string;
let close: () => Promise<void>;
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-web-'));

beforeAll(async () => {
  tdb = await createTestDatabase('sqlite');
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Grid Console</title>');
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'assets', 'app-Ab12Cd34.js'), 'console.log(1)');
  const http = createHttpServer({ deps: testDeps(tdb.db), webDist, health: () => Promise.resolve({ database: 'sqlite' }) });
  await new Promise<void>((r) => http.server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
  close = () => http.close();
});
afterAll(async () => {
  await close();
  await tdb.destroy();
  fs.rmSync(webDist, { recursive: true, force: true });
});

async function login(email: string, password = 'demo-password') {
  return fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('HTTP server', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'sqlite' });
  });

  it('sets an httpOnly, SameSite=Lax session cookie on login and clears it on logout', async () => {
    const res = await login('admin@dso.example');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gc_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const session = cookie.split(';')[0] ?? '';
    const out = await fetch(`${base}/trpc/auth.logout`, { method: 'POST', headers: { cookie: session, 'content-type': 'application/json' } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/gc_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await fetch(`${base}/trpc/grid.tree`, { headers: { cookie: session } });
    expect(after.status).toBe(401);
  });

  it('answers 401, 403, 404 and 400 with messages a person can act on', async () => {
    expect((await login('admin@dso.example', 'wrong')).status).toBe(401);
    const anonymous = await fetch(`${base}/trpc/chargePoints.list`);
    expect(anonymous.status).toBe(401);
    const session = ((await login('cpo@voltcharge.example')).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const other = await fetch(`${base}/trpc/chargePoints.byId?input=${encodeURIComponent(JSON.stringify({ id: 'HW-0003' }))}`, {
      headers: { cookie: session },
    });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { message: string } }).error.message).toMatch(/belongs to another operator/);
    const grid = await fetch(`${base}/trpc/grid.tree`, { headers: { cookie: session } });
    expect(grid.status).toBe(403);
    const missing = await fetch(`${base}/trpc/chargePoints.byId?input=${encodeURIComponent(JSON.stringify({ id: 'VC-9999' }))}`, {
      headers: { cookie: session },
    });
    expect(missing.status).toBe(404);
    const garbled = await fetch(`${base}/trpc/chargePoints.byId?input=%7Bnot-json`, { headers: { cookie: session } });
    expect(garbled.status).toBe(400);
    const unknown = await fetch(`${base}/trpc/nothing.here`, { headers: { cookie: session } });
    expect(unknown.status).toBe(404);
  });

  it('serves tRPC over WebSocket with the session cookie', async () => {
    const session = ((await login('viewer@dso.example')).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const ws = new WebSocket(`${base.replace('http', 'ws')}/trpc-ws`, { headers: { cookie: session } });
    const reply = await new Promise<unknown>((resolve, reject) => {
      ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'query', params: { path: 'auth.me', input: null } })));
      ws.on('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
      ws.on('error', reject);
    });
    ws.close();
    expect(reply).toMatchObject({ id: 1, result: { type: 'data', data: { user: { email: 'viewer@dso.example' } } } });
  });

  it('refuses WebSocket upgrades on unknown paths', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/nowhere`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      ws.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('404');
  });

  it('serves the web app, falls back to index.html for client routes, and never leaves its folder', async () => {
    const asset = await fetch(`${base}/assets/app-Ab12Cd34.js`);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(await asset.text()).toBe('console.log(1)');
    const route = await fetch(`${base}/charge-points/VC-0001`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Grid Console</title>');
    const traversal = await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`);
    expect(await traversal.text()).toContain('<title>Grid Console</title>');
  });
});
