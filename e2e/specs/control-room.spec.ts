// The control room: filtering and sorting the charge point table, the detail page, role limits.
import { expect, test } from '@playwright/test';
import { login, renderedChargePointIds, USERS } from '../support/session.js';

test('the charge point table filters by CPO and text, sorts, and keeps it all in the URL', async ({
  page,
}) => {
  await login(page, USERS.operator.email);
  await page
    .getByRole('navigation', { name: 'Control room' })
    .getByRole('link', { name: 'Charge points' })
    .click();
  await expect(page.getByTestId('charge-point-count')).toHaveText(/^\d+ charge points$/);
  const first = await renderedChargePointIds(page);
  expect(first.length).toBeGreaterThan(0);
  expect(first).toEqual([...first].sort()); // sorted by ID by default

  await page.getByRole('combobox', { name: 'CPO' }).click();
  await page.getByRole('option', { name: 'HomeWatt' }).click();
  await expect(page).toHaveURL(/cpo=cpo-homewatt/);
  await expect
    .poll(async () => (await renderedChargePointIds(page)).every((id) => id.startsWith('HW-')))
    .toBe(true);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/sort=maxImportW\./);

  await page.getByLabel('Search').fill('HW-0001');
  await expect(page.getByTestId('charge-point-count')).toHaveText(/^1 of \d+ charge points$/);
  await page.getByRole('link', { name: 'HW-0001' }).click();
  await expect(page).toHaveURL(/\/charge-points\/HW-0001$/);
  await expect(page.getByTestId('charge-point-id')).toHaveText('HW-0001');
  await expect(page.getByTestId('evse-table')).toBeVisible();
  // Its connection point leads to that node of the grid.
  await page.getByRole('link', { name: /CNP-/ }).click();
  await expect(page).toHaveURL(/\/grid\/nodes\//);
  await expect(page.getByTestId('grid-node-name')).toContainText('CNP-');
  await expect(page.locator('tr[data-cp-id="HW-0001"]')).toBeVisible();
});

test('the grid page links a feeder to its charge points', async ({ page }) => {
  await login(page, USERS.viewer.email);
  const feeder = page.locator('tr[data-kind="feeder"]').first();
  await feeder.getByRole('link', { name: /charge points?$/ }).click();
  await expect(page).toHaveURL(/\/charge-points\?feeder=/);
  await expect(page.getByRole('button', { name: /^Feeder: / })).toBeVisible();
});

test('a grid node opens its own page with the nodes and charge points below it', async ({ page }) => {
  await login(page, USERS.viewer.email);
  const transformer = page.locator('tr[data-kind="transformer"]').first();
  const name = (await transformer.getByRole('link').first().textContent()) ?? '';
  await transformer.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/grid\/nodes\//);
  await expect(page.getByTestId('grid-node-name')).toHaveText(name);
  await expect(page.getByTestId('node-live')).toContainText('Load now');
  await expect(page.locator('tr[data-kind="feeder"]')).toHaveCount(2);
  await expect(page.locator('tr[data-cp-id]').first()).toBeVisible();
  await page.goto('/grid/nodes/no-such-node');
  await expect(page.getByTestId('not-found-page')).toContainText('Grid node not found');
});

test('a viewer opening /admin is told it is for administrators, with a way back', async ({ page }) => {
  await login(page, USERS.viewer.email);
  await page.goto('/admin');
  await expect(page.getByTestId('forbidden-page')).toContainText('Administrators only');
  await page.goto('/no-such-page');
  await expect(page.getByTestId('not-found-page')).toBeVisible();
});

test('empty pages say what they will show', async ({ page }) => {
  await login(page, USERS.admin.email);
  for (const [link, text] of [
    ['Alarms', 'No alarms to show'],
    ['Commands', 'No commands yet'],
    ['Audit', 'No audit entries to show'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Control room' }).getByRole('link', { name: link }).click();
    await expect(page.getByTestId('empty-page')).toContainText(text);
  }
});

test('the theme toggle switches between light and dark', async ({ page }) => {
  await login(page, USERS.operator.email);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});
