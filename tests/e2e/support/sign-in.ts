import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './roles';

/** Signs in through the real form, by its visible labels. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

export async function expectSignedIn(page: Page) {
  await expect(page).not.toHaveURL(/\/login/);
}
