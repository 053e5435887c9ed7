// A CPO user sees only its own charge points: in the table, in the detail page by URL, and at the API.
import { expect, test } from '@playwright/test';
import { login, renderedChargePointIds, trpcGetPath, USERS } from '../support/session.js';

test('VoltCharge sees only VoltCharge charge points, and no HomeWatt id can be found', async ({ page }) => {
  await login(page, USERS.voltcharge.email);
  const ids = await renderedChargePointIds(page);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.filter((id) => !id.startsWith('VC-'))).toEqual([]);
  await page.getByLabel('Search').fill('HW-');
  await expect(page.getByTestId('no-matches')).toBeVisible();
  // The API itself returns nothing of the other CPO.
  const response = await page.request.get(trpcGetPath('chargePoints.list', {}));
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    result: { data: { items: Array<{ id: string; cpo: { id: string } }> } };
  };
  const items = body.result.data.items;
  expect(items.length).toBeGreaterThan(0);
  expect(items.every((cp) => cp.cpo.id === 'cpo-voltcharge' && cp.id.startsWith('VC-'))).toBe(true);
});

test('HomeWatt gets the 403 page for a VoltCharge charge point by URL, with a way back', async ({ page }) => {
  await login(page, USERS.homewatt.email);
  await page.goto('/portal/charge-points/VC-0001');
  await expect(page.getByTestId('forbidden-page')).toContainText(
    'This charge point belongs to another operator',
  );
  await page.getByRole('link', { name: 'Back to the charge point list' }).click();
  await expect(page).toHaveURL(/\/portal\/charge-points$/);
  // A control-room link to the same charge point ends on the same refusal inside the portal.
  await page.goto('/charge-points/VC-0001');
  await expect(page).toHaveURL(/\/portal\/charge-points\/VC-0001$/);
  await expect(page.getByTestId('forbidden-page')).toBeVisible();
});

test('HomeWatt gets HTTP 403 from the API for a VoltCharge charge point, 200 for its own', async ({
  page,
}) => {
  await login(page, USERS.homewatt.email);
  const other = await page.request.get(trpcGetPath('chargePoints.byId', { id: 'VC-0001' }));
  expect(other.status()).toBe(403);
  const own = await page.request.get(trpcGetPath('chargePoints.byId', { id: 'HW-0001' }));
  expect(own.status()).toBe(200);
});

test('a CPO user opens its own charge point read-only, and an unknown id gives the 404 page', async ({
  page,
}) => {
  await login(page, USERS.homewatt.email);
  await page.goto('/portal/charge-points/HW-0001');
  await expect(page.getByTestId('charge-point-id')).toHaveText('HW-0001');
  await expect(page.getByTestId('max-import')).toHaveText(/ kW$/);
  await expect(page.getByRole('button', { name: /limit|send|approve/i })).toHaveCount(0);
  await page.goto('/portal/charge-points/NO-SUCH-CP');
  await expect(page.getByTestId('not-found-page')).toContainText('Charge point not found');
});

test('a CPO user following a control-room URL is taken to its portal', async ({ page }) => {
  await login(page, USERS.voltcharge.email);
  await page.goto('/grid');
  await expect(page).toHaveURL(/\/portal\/charge-points$/);
  await page.goto('/portal/interventions');
  await expect(page.getByTestId('empty-page')).toContainText('No interventions recorded');
});
