// Helpers shared by the specs: the seeded demo users and logging in through the real form.
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'demo-password';

export const USERS = {
  admin: { email: 'admin@dso.example', role: 'Administrator' },
  operator: { email: 'operator@dso.example', role: 'Operator' },
  viewer: { email: 'viewer@dso.example', role: 'Viewer' },
  voltcharge: { email: 'cpo@voltcharge.example', role: 'CPO', org: 'VoltCharge', prefix: 'VC-' },
  homewatt: { email: 'cpo@homewatt.example', role: 'CPO', org: 'HomeWatt', prefix: 'HW-' },
} as const;

export async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Logs in through the form and waits for the landing page of that user's layout. */
export async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await fillLogin(page, email, PASSWORD);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** The ids of the charge point rows rendered in the (virtualised) table, once it has loaded. */
export async function renderedChargePointIds(page: Page): Promise<string[]> {
  const rows = page.locator('[data-testid="charge-point-table"] tbody tr[data-cp-id]');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-cp-id') ?? ''));
}

/** A GET to a tRPC query with the page's cookies, as the browser would send it. */
export function trpcGetPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}
