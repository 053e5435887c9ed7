// Screenshots of the main screens at 1366×768 without live data, as artifacts. The committed ones
// (e2e/screenshots/control-room.png for the README, charge-points.png) are taken by live.spec.ts
// with the simulated fleet on.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { fillLogin, login, USERS } from '../support/session.js';

const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifact = (name: string) => path.join(e2eDir, 'artifacts', 'screens', name);

test('screenshots of the control room', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await page.screenshot({ path: artifact('login.png') });
  await fillLogin(page, USERS.operator.email, 'wrong-password');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await page.screenshot({ path: artifact('login-refused.png') });

  await login(page, USERS.operator.email);
  await expect(page.getByTestId('grid-tree')).toBeVisible();
  await page.screenshot({ path: artifact('control-room-no-fleet.png') });

  await page.locator('tr[data-kind="feeder"]').first().getByRole('link').first().click();
  await expect(page.getByTestId('grid-node-name')).toBeVisible();
  await expect(page.locator('tr[data-cp-id]').first()).toBeVisible();
  await page.screenshot({ path: artifact('grid-node.png') });

  await page.goto('/charge-points');
  await expect(page.locator('tr[data-cp-id]').first()).toBeVisible();
  await page.screenshot({ path: artifact('charge-points-no-fleet.png') });

  await page.goto('/charge-points/VC-0001');
  await expect(page.getByTestId('evse-table')).toBeVisible();
  await page.screenshot({ path: artifact('charge-point-detail.png') });

  await page.goto('/alarms');
  await expect(page.getByTestId('empty-page')).toBeVisible();
  await page.screenshot({ path: artifact('alarms.png') });

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.goto('/grid');
  await expect(page.getByTestId('grid-tree')).toBeVisible();
  await page.screenshot({ path: artifact('control-room-dark.png') });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
});

test('screenshots of the CPO portal', async ({ page }) => {
  await login(page, USERS.voltcharge.email);
  await expect(page.locator('tr[data-cp-id]').first()).toBeVisible();
  await page.screenshot({ path: artifact('cpo-portal.png') });
  await page.goto('/portal/charge-points/HW-0001');
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
  await page.screenshot({ path: artifact('cpo-forbidden.png') });
});
