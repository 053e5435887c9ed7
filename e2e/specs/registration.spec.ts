// Use case 3.1 end to end: an administrator issues a token for a new charge point, the device dials
// in with it and waits as pending, the administrator approves it under a connection point, and its
// live values appear on its page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startFleet, type SimFleet } from '../support/fleet.js';
import { login, USERS } from '../support/session.js';

let fleet: SimFleet | undefined;

test.afterAll(async () => {
  await fleet?.stop();
});

function writeFleetFile(id: string, token: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-fleet-')), 'fleet.json');
  const chargePoint = {
    id,
    cpoId: 'cpo-voltcharge',
    architecture: 'public',
    vendor: 'Alfen',
    model: 'Eve Single S-line',
    serialNumber: `SN${id}`,
    firmware: '6.4.0',
    maxImportW: 11000,
    maxExportW: 0,
    maxReactiveVar: 5000,
    v2gCapable: false,
    reactiveCapable: true,
    freqResponseCapable: false,
    evses: [{ evseNo: 1, maxPowerW: 11000, connectorType: 'type2', v2gCapable: false }],
    logicalDevice: id,
  };
  fs.writeFileSync(file, JSON.stringify({ accessPoints: [{ id, kind: 'chargePoint', cpoId: 'cpo-voltcharge', token, chargePoints: [chargePoint] }] }));
  return file;
}

test('3.1: a new charge point dials in, waits for approval, is placed and shows live values', async ({ page }) => {
  test.setTimeout(90_000);
  const id = `VC-N${Date.now() % 10_000}`;
  await login(page, USERS.admin.email);
  await page.goto('/admin');
  const form = page.getByTestId('issue-token-form');
  await form.getByLabel('Access point id').fill(id);
  await form.getByRole('combobox', { name: 'Charge point operator' }).click();
  await page.getByRole('option', { name: 'VoltCharge' }).click();
  await form.getByRole('button', { name: 'Issue token' }).click();
  const token = (await page.getByTestId('issued-token').textContent()) ?? '';
  expect(token).toMatch(/^dev_/);
  await page.getByRole('button', { name: 'Done' }).click();

  fleet = await startFleet(writeFleetFile(id, token));
  const row = page.locator(`[data-testid="pending-devices"] tr[data-pending-id="${id}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('Eve Single S-line');
  await row.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: `Approve ${id}` });
  await dialog.getByRole('button', { name: 'Approve and place' }).click();
  await expect(dialog).toContainText('Choose the connection point');
  await dialog.getByRole('textbox', { name: 'Connection point' }).or(dialog.getByRole('combobox', { name: 'Connection point' })).first().click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('button', { name: 'Approve and place' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeHidden();

  await page.goto(`/charge-points/${id}`);
  await expect(page.getByTestId('charge-point-id')).toHaveText(id);
  await expect(page.getByTestId('evse-1-status')).toHaveText(/Available|Preparing|Charging|Suspended/, { timeout: 30_000 });
  await expect(page.locator('[data-testid="current-values"] tr[data-measurand="frequencyHz"]')).toContainText('Hz');
  await expect(page.getByTestId('events-timeline')).toContainText('Approved by admin@dso.example');
});
