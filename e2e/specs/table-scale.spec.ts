// The charge point table stays fast with thousands of rows: only the rows in view are in the DOM.
// The server's answer is enlarged in the browser (5,000 synthetic charge points appended to the real
// list); rendering figures are printed, never asserted as timings.
import { expect, test, type Route } from '@playwright/test';
import { login, USERS } from '../support/session.js';

const EXTRA = 5_000;

interface BatchItem {
  result?: { data?: { items?: Array<Record<string, unknown>> } };
}

function syntheticItems(template: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.from({ length: EXTRA }, (_, i) => ({
    ...template,
    id: `ZZ-${String(i + 1).padStart(5, '0')}`,
    maxImportW: 3_700 + (i % 20) * 1_000,
  }));
}

/** Appends synthetic rows to chargePoints.list inside a (possibly batched) tRPC answer. */
async function enlargeList(route: Route): Promise<void> {
  const response = await route.fetch();
  const url = new URL(route.request().url());
  const procedures = decodeURIComponent(url.pathname.replace(/^\/trpc\//, '')).split(',');
  const body = (await response.json()) as BatchItem[] | BatchItem;
  const answers = Array.isArray(body) ? body : [body];
  procedures.forEach((name, index) => {
    const items = answers[index]?.result?.data?.items;
    const first = items?.[0];
    if (name === 'chargePoints.list' && items && first) items.push(...syntheticItems(first));
  });
  await route.fulfill({ response, json: body });
}

test('5,000 extra rows: the DOM holds only a window of rows, and the last row is reachable', async ({
  page,
}) => {
  await page.route(/\/trpc\/[^?]*chargePoints\.list/, enlargeList);
  await login(page, USERS.operator.email);
  const started = Date.now();
  await page.goto('/charge-points');
  const rows = page.locator('tr[data-cp-id]');
  await expect(rows.first()).toBeVisible();
  const shownMs = Date.now() - started;
  await expect(page.getByTestId('charge-point-count')).toHaveText(/^5,?0\d\d charge points$/);
  const rendered = await rows.count();
  expect(rendered).toBeLessThan(100);

  const scroller = page.getByTestId('charge-point-scroll');
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(page.locator('tr[data-cp-id="ZZ-05000"]')).toBeVisible();

  const sortStarted = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page).toHaveURL(/sort=maxImportW\./);
  const sortMs = Date.now() - sortStarted;
  console.log(
    `table-scale: ${EXTRA} extra rows, first rows shown in ${shownMs} ms, ${rendered} rows in the DOM, re-sort ${sortMs} ms`,
  );
});
