import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { storageStateOf, type DemoRole } from './roles';

/** `test.use(as('operator'))` runs a file signed in as that demo user. */
export function as(role: DemoRole) {
  return { storageState: storageStateOf(role) };
}

export function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 640;
}

/** Opens the navigation: the sidebar on desktop, the sheet behind "Abrir menu" on a phone. */
export async function openNav(page: Page) {
  if (isPhone(page)) await page.getByRole('button', { name: 'Abrir menu' }).click();
  return page.getByRole('navigation', { name: 'Navegação principal' }).last();
}

/** Closes the phone navigation sheet (and any menu open inside it). */
export async function closeSheet(page: Page) {
  await expect(async () => {
    await page.keyboard.press('Escape');
    // by its slot, not its role: a menu open inside the sheet hides the sheet from the role query
    await expect(page.locator('[data-slot="sheet-content"]')).toHaveCount(0, { timeout: 500 });
  }).toPass();
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export const test = base;
export { expect };
