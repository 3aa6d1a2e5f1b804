import { DEMO } from '../support/roles';
import { signIn } from '../support/sign-in';
import { as, expect, expectAccessible, test } from '../support/test';

test.describe('members, as the owner', () => {
  test.use(as('owner'));

  test('invites a person who joins with the link, then changes their role and removes them', async ({ page, browser }, info) => {
    const email = `nova-${info.project.name}-${Date.now()}@demo.test`;
    await page.goto('/settings/members');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Convidar membro' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('E-mail').fill('não é e-mail');
    await dialog.getByRole('button', { name: 'Criar convite' }).click();
    await expect(dialog.getByText('Informe um e-mail válido.')).toBeVisible();
    await dialog.getByLabel('E-mail').fill(email);
    await dialog.getByLabel('Papel').click();
    await page.getByRole('option', { name: 'Editor' }).click();
    await dialog.getByRole('button', { name: 'Criar convite' }).click();
    await expect(page.getByText('Convite criado. Copie o link e envie para a pessoa.')).toBeVisible();
    const link = await dialog.getByLabel('Link do convite').inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(`invite-${email}`)).toBeVisible();

    // The invited person, in a browser of their own
    const guest = await browser.newContext({ storageState: undefined });
    const guestPage = await guest.newPage();
    await guestPage.goto(link);
    await expect(guestPage.getByRole('heading', { name: 'Convite para Loja Demo' })).toBeVisible();
    await guestPage.getByLabel('Seu nome').fill('Nina Nova');
    await guestPage.getByLabel('Senha').fill('curta');
    await guestPage.getByRole('button', { name: 'Aceitar convite' }).click();
    await expect(guestPage.getByText('A senha precisa de pelo menos 8 caracteres.')).toBeVisible();
    await guestPage.getByLabel('Senha').fill('senha-da-nina');
    await guestPage.getByRole('button', { name: 'Aceitar convite' }).click();
    await expect(guestPage.getByTestId('invite-accepted')).toBeVisible();
    await signIn(guestPage, email, 'senha-da-nina');
    await expect(guestPage).toHaveURL(/\/instances$/);
    await guest.close();

    // Back to the owner: the new member is listed as Editor
    await page.reload();
    const row = page.getByTestId(`member-${email}`);
    await expect(row).toContainText('Nina Nova');
    await row.getByRole('combobox', { name: 'Alterar papel de Nina Nova' }).click();
    await page.getByRole('option', { name: 'Leitor' }).click();
    await expect(page.getByText('Papel alterado.')).toBeVisible();
    await row.getByRole('button', { name: 'Remover' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Remover Nina Nova da conta?');
    await page.getByRole('button', { name: 'Sim, remover' }).click();
    await expect(page.getByText('Membro removido.')).toBeVisible();
    await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);
  });
});

test.describe('members, as a viewer', () => {
  test.use(as('viewer'));

  test('sees the list read-only', async ({ page }) => {
    await page.goto('/settings/members');
    await expect(page.getByText('Somente o proprietário gerencia membros e papéis.')).toBeVisible();
    await expect(page.getByTestId(`member-${DEMO.owner}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Convidar membro' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Remover' })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
  });
});
