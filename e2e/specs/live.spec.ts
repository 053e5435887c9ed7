// Live data over the tRPC WebSocket with the simulated fleet on: a charge point starts charging in
// the simulator and the screens show it within seconds; the device drops off, is shown old/offline,
// comes back with its buffered (late) data labelled. No fixed sleeps: each step waits for the screen.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type WebSocketRoute } from '@playwright/test';
import { startFleet, type SimFleet } from '../support/fleet.js';
import { login, USERS } from '../support/session.js';

test.describe.configure({ mode: 'serial' });

let fleet: SimFleet;
const CP = 'VC-0002';
const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committed = (name: string) => path.join(e2eDir, 'screenshots', name);
const artifact = (name: string) => path.join(e2eDir, 'artifacts', 'screens', name);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  fleet = await startFleet();
});

test.afterAll(async () => {
  await fleet.stop();
});

/** Frees EVSE 1 of the charge point (an autonomous driver may be using it), then starts a session. */
async function startCharging(id: string): Promise<void> {
  await fleet.control('POST', `/charge-points/${id}/stop`, { evse: 1 });
  await fleet.control('POST', `/charge-points/${id}/unplug`, { evse: 1 });
  expect((await fleet.control('POST', `/charge-points/${id}/plug-in`, { evse: 1, socPct: 20 })).status).toBe(200);
  const started = await fleet.control('POST', `/charge-points/${id}/start`, { evse: 1 });
  if (started.status !== 200) {
    // refused when a transaction is already running on it (e.g. started by the simulated driver)
    const { json } = await fleet.control('GET', `/charge-points/${id}`);
    const evse = (json as { evses: Array<{ evseNo: number; inTransaction: boolean }> }).evses.find((e) => e.evseNo === 1);
    expect(evse?.inTransaction, `start refused: ${JSON.stringify(started.json)}`).toBe(true);
  }
}

test('a charge point that starts charging shows Charging and positive power within seconds', async ({ page }) => {
  await login(page, USERS.operator.email);
  await page.goto(`/charge-points/${CP}`);
  await expect(page.getByTestId('charge-point-id')).toHaveText(CP);
  await startCharging(CP);
  await expect(page.getByTestId('evse-1-status')).toHaveText('Charging', { timeout: 15_000 });
  await expect(page.getByTestId('live-line')).toContainText('EVSE 1 Charging');
  await expect
    .poll(async () => Number.parseFloat((await page.getByTestId('evse-1-power').textContent()) ?? '0'), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await expect(page.locator('[data-testid="current-values"] tr[data-measurand="activePowerW"]')).toContainText('kW');
  await expect(page.getByTestId('chart-activePowerW').locator('.recharts-line-curve')).toBeVisible();
  await expect(page.getByTestId('events-timeline')).toContainText('EVSE 1: Charging');
  await page.screenshot({ path: artifact('charge-point-live.png') });
});

test('the grid overview and the charge point list follow live', async ({ page }) => {
  await login(page, USERS.operator.email);
  await expect(page.getByTestId('grid-charging')).toBeVisible();
  await expect.poll(async () => Number((await page.getByTestId('grid-charging').locator('p').nth(1).textContent()) ?? '0'), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('grid-frequency')).toContainText('Hz');
  await page.screenshot({ path: committed('control-room.png') });
  await expect(page.locator('[data-testid="node-load"]').first()).toContainText(/W/);
  // the feeder's page: live load and headroom, the stacked power chart against its capacity
  await page.locator('tr[data-kind="feeder"]').first().getByRole('link').first().click();
  await expect(page.getByTestId('node-live')).toContainText('headroom');
  await expect(page.getByTestId('node-power-chart').locator('.recharts-area').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('node-power-chart')).toContainText('capacity');
  await page.screenshot({ path: artifact('grid-node-live.png') });
  await page.goto('/charge-points');
  await expect(page.locator('tr[data-cp-id] td').filter({ hasText: /^[1-9][\d.,]* kW$/ }).first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: committed('charge-points.png') });
  await page.goto(`/charge-points?q=${CP}`);
  await expect(page.locator(`tr[data-cp-id="${CP}"]`)).toContainText(/[1-9][\d.,]* kW/, { timeout: 15_000 });
});

test('3.12: a device drops, is shown offline and old, comes back with its late data labelled', async ({ page }) => {
  await login(page, USERS.operator.email);
  await page.goto(`/charge-points/${CP}`);
  await expect(page.getByTestId('evse-1-status')).toHaveText(/Charging|Suspended/, { timeout: 15_000 });
  expect((await fleet.control('POST', `/links/${CP}/drop`)).status).toBe(200);
  await expect(page.getByTestId('live-line')).toContainText('offline', { timeout: 30_000 });
  await expect(page.getByTestId('evse-1-power')).toHaveAttribute('data-quality', /questionable|stale/);
  // while it is down the EV stops: the status change is buffered by the device
  await fleet.control('POST', `/charge-points/${CP}/stop`, { evse: 1 });
  expect((await fleet.control('POST', `/links/${CP}/restore`)).status).toBe(200);
  await expect(page.getByTestId('live-line')).not.toContainText('offline', { timeout: 45_000 });
  await expect(page.getByTestId('evse-1-power')).toHaveAttribute('data-quality', 'good', { timeout: 15_000 });
  await expect(page.getByTestId('events-timeline')).toContainText('Association down');
  // the status change made while it was down arrives from the device's buffer, labelled late
  await expect(page.getByTestId('events-timeline')).toContainText(/EVSE 1: (Finishing|SuspendedEV|Available)/);
  await expect(page.locator('[data-testid="evse-table"] tr[data-evse="1"]').getByTestId('late-badge')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: artifact('charge-point-back-online.png'), fullPage: true });
});

test('a lost WebSocket shows a banner, reconnects by itself and the live values resume without a reload', async ({ page }) => {
  let blocked = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/trpc-ws/, (ws) => {
    if (blocked) return void ws.close({ code: 1012, reason: 'e2e: server away' });
    ws.connectToServer();
    open.push(ws);
  });
  await login(page, USERS.operator.email);
  await page.goto(`/charge-points/${CP}`);
  const frequency = page.locator('[data-testid="current-values"] tr[data-measurand="frequencyHz"] td').nth(2);
  await expect(frequency).toHaveText(/\d\d:\d\d:\d\d/, { timeout: 15_000 });
  await page.evaluate(() => ((window as unknown as { __reloadMarker: boolean }).__reloadMarker = true));
  blocked = true;
  for (const ws of open.splice(0)) await ws.close({ code: 1012, reason: 'e2e: drop' });
  await expect(page.getByTestId('connection-banner')).toBeVisible();
  const before = await frequency.textContent();
  blocked = false;
  await expect(page.getByTestId('connection-banner')).toBeHidden({ timeout: 20_000 });
  await expect(frequency).not.toHaveText(before ?? '', { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { __reloadMarker?: boolean }).__reloadMarker)).toBe(true);
});
