import { as, closeSheet, expect, expectAccessible, isPhone, openNav, test } from '../support/test';

const SECTIONS = ['Instâncias', 'Lojas', 'Eventos', 'Eventos de conversão', 'Programar Envios', 'Modelos', 'Membros'];

test.describe('the signed-in shell (owner)', () => {
  test.use(as('owner'));

  test('shows every section in the navigation, without Admin', async ({ page }) => {
    await page.goto('/settings/members');
    const nav = await openNav(page);
    for (const name of SECTIONS) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Programar Envios' }).click();
    await expect(page).toHaveURL(/\/sends$/);
    await expect(page.getByRole('heading', { name: 'Programar Envios', level: 1 })).toBeVisible();
  });

  test('switches between the accounts the user belongs to', async ({ page }) => {
    await page.goto('/settings/members');
    if (isPhone(page)) await openNav(page);
    await page.getByRole('button', { name: /Trocar de conta/ }).last().click();
    await page.getByRole('menuitem', { name: /Loja Parceira/ }).click();
    await expect(page.getByText('Agora você está em Loja Parceira.')).toBeVisible();
    // Loja Parceira has only the owner as a member
    await page.goto('/settings/members');
    await expect(page.getByTestId('member-operator@demo.test')).toHaveCount(0);
    await expect(page.getByTestId('member-owner@demo.test')).toBeVisible();
  });

  test('speaks English when asked, pt-BR by default', async ({ page }) => {
    await page.goto('/settings/members');
    await expect(page.getByRole('heading', { name: 'Membros', level: 1 })).toBeVisible();
    if (isPhone(page)) await openNav(page);
    await page.getByRole('button', { name: /Menu do usuário/ }).last().click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    if (isPhone(page)) await closeSheet(page); // an open sheet hides the page from assistive tech
    await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
    const nav = await (async () => {
      if (isPhone(page)) await page.getByRole('button', { name: 'Open menu' }).click();
      return page.getByRole('navigation', { name: 'Main navigation' }).last();
    })();
    await expect(nav.getByRole('link', { name: 'Scheduled sends' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expectAccessible(page);
  });
});

test.describe('the shell for a platform admin', () => {
  test.use(as('admin'));

  test('admins without an account land on /admin', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/admin$/);
  });
});
