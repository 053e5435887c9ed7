// Admin (use case 3.1, the DSO side): device tokens are issued after the form says what is wrong,
// shown once, listed, and revoked after a confirmation; pending devices are listed (none in the demo).
import { expect, test } from '@playwright/test';
import { login, USERS } from '../support/session.js';

test('an administrator issues a device token (shown once) and revokes it', async ({ page }) => {
  await login(page, USERS.admin.email);
  await page.getByRole('navigation', { name: 'Control room' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Devices waiting for approval' })).toBeVisible();
  await expect(page.getByTestId('no-pending').or(page.getByTestId('pending-devices'))).toBeVisible();

  const form = page.getByTestId('issue-token-form');
  await form.getByRole('button', { name: 'Issue token' }).click();
  await expect(form).toContainText('Give the access point id');
  await expect(form).toContainText('Choose the charge point operator');

  const accessPoint = `VC-E2E-${Date.now() % 100_000}`;
  await form.getByLabel('Access point id').fill(accessPoint);
  await form.getByRole('combobox', { name: 'Charge point operator' }).click();
  await page.getByRole('option', { name: 'VoltCharge' }).click();
  await form.getByLabel('Label').fill(`e2e token ${accessPoint}`);
  await form.getByRole('button', { name: 'Issue token' }).click();

  const dialog = page.getByRole('dialog', { name: 'Device token issued' });
  await expect(dialog).toContainText('Shown only now');
  await expect(dialog.getByTestId('issued-token')).toHaveText(/^dev_[\w-]{20,}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('device-tokens').locator('tr', { hasText: `e2e token ${accessPoint}` });
  await expect(row).toHaveAttribute('data-state', 'active');
  await expect(row).not.toContainText('dev_');
  await row.getByRole('button', { name: 'Revoke…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke this device token?' });
  await expect(confirm).toContainText('disconnected at once');
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toHaveAttribute('data-state', 'revoked');
  await page.screenshot({ path: 'e2e/artifacts/screens/admin.png', fullPage: true });
});

test('an operator is refused the admin page', async ({ page }) => {
  await login(page, USERS.operator.email);
  await page.goto('/admin');
  await expect(page.getByTestId('forbidden-page')).toContainText('Administrators only');
});
