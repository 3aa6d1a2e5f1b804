import { DEMO } from '../support/roles';
import { signIn } from '../support/sign-in';
import { expect, expectAccessible, openNav, test } from '../support/test';

test.describe('sign-in', () => {
  test('a signed-out visitor of an app page is sent to /login', async ({ page }) => {
    for (const path of ['/instances', '/settings/members', '/events']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
    }
    await expect(page.getByRole('heading', { name: 'Entrar no Pombo' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a wrong password shows an error and signs no one in', async ({ page }) => {
    await signIn(page, DEMO.viewer, 'senha-errada');
    await expect(page.getByTestId('login-error')).toHaveText('E-mail ou senha incorretos.');
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/settings/members');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('signs in, then signs out', async ({ page }) => {
    await signIn(page, DEMO.operator);
    await expect(page).toHaveURL(/\/instances$/);
    await expect(page.getByRole('heading', { name: 'Instâncias', level: 1 })).toBeVisible();
    if ((page.viewportSize()?.width ?? 1280) < 640) await openNav(page);
    await page.getByRole('button', { name: /Menu do usuário/ }).last().click();
    await page.getByRole('menuitem', { name: 'Sair' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/instances');
    await expect(page).toHaveURL(/\/login$/);
  });
});
