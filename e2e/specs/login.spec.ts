// Login per role lands on the right layout with real seeded data; wrong passwords and logged-out
// visits are refused in words.
import { expect, test } from '@playwright/test';
import { fillLogin, login, renderedChargePointIds, USERS } from '../support/session.js';

for (const key of ['admin', 'operator', 'viewer'] as const) {
  test(`${key} logs in to the control room and sees the grid with capacities`, async ({ page }) => {
    const user = USERS[key];
    await login(page, user.email);
    await expect(page).toHaveURL(/\/grid$/);
    await expect(page.getByTestId('app-title')).toHaveText('Grid Console');
    await expect(page.getByTestId('current-role')).toHaveText(user.role);
    const nav = page.getByRole('navigation', { name: 'Control room' });
    for (const item of ['Grid', 'Charge points', 'Alarms', 'Commands', 'Audit']) {
      await expect(nav.getByRole('link', { name: item })).toBeVisible();
    }
    await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(key === 'admin' ? 1 : 0);
    const tree = page.getByTestId('grid-tree');
    await expect(tree.locator('tr[data-kind="substation"]')).toHaveCount(1);
    await expect(tree.locator('tr[data-kind="transformer"]')).toHaveCount(2);
    await expect(tree.locator('tr[data-kind="feeder"]')).toHaveCount(4);
    await expect(tree.getByTestId('node-capacity').first()).toHaveText(/^\d[\d,.]* (W|kW|MW)$/);
    await expect(page.getByTestId('grid-summary')).toContainText('Charge points');
  });
}

for (const key of ['voltcharge', 'homewatt'] as const) {
  test(`${key} CPO user logs in to its own portal and sees its charge points`, async ({ page }) => {
    const user = USERS[key];
    await login(page, user.email);
    await expect(page).toHaveURL(/\/portal\/charge-points$/);
    await expect(page.getByTestId('app-title')).toHaveText(`${user.org} portal`);
    await expect(page.getByTestId('current-role')).toHaveText('CPO');
    await expect(page.getByRole('navigation', { name: 'CPO portal' }).getByRole('link')).toHaveText([
      'Charge points',
      'Interventions',
    ]);
    await expect(page.getByRole('link', { name: 'Grid', exact: true })).toHaveCount(0);
    const ids = await renderedChargePointIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith(user.prefix)).toBe(true);
  });
}

test('a wrong password is refused with a message next to the form', async ({ page }) => {
  await page.goto('/login');
  await fillLogin(page, USERS.operator.email, 'not-the-password');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('login-error')).not.toBeEmpty();
  await expect(page).toHaveURL(/\/login/);
});

test('empty fields are pointed out before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Enter your email address.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
});

test('logout returns to login and protected URLs then redirect to login', async ({ page }) => {
  await login(page, USERS.operator.email);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  for (const url of [
    '/grid',
    '/charge-points',
    '/charge-points/VC-0001',
    '/portal/charge-points',
    '/admin',
  ]) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  }
});

test('after logging in from a redirect, the user lands on the page asked for', async ({ page }) => {
  await page.goto('/charge-points/VC-0001');
  await expect(page).toHaveURL(/\/login\?next=%2Fcharge-points%2FVC-0001/);
  await fillLogin(page, USERS.viewer.email, 'demo-password');
  await expect(page).toHaveURL(/\/charge-points\/VC-0001$/);
  await expect(page.getByTestId('charge-point-id')).toHaveText('VC-0001');
});

test('an expired session sends the user to log in again, saying why', async ({ page, context }) => {
  await login(page, USERS.viewer.email);
  await context.clearCookies();
  // The live views may notice the lost session first and leave the page before the click lands
  // (the link is then gone): either way the user must end up at the login page, told why.
  await page
    .getByRole('navigation', { name: 'Control room' })
    .getByRole('link', { name: 'Charge points' })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(page).toHaveURL(/\/login\?.*reason=expired/);
  await expect(page.getByTestId('session-expired')).toContainText('log in again');
});

test('login and navigation work from the keyboard alone', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(USERS.operator.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-password');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/grid$/);
  const link = page
    .getByRole('navigation', { name: 'Control room' })
    .getByRole('link', { name: 'Charge points' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/charge-points$/);
  await expect(page).toHaveTitle('Charge points · Grid Console');
});
