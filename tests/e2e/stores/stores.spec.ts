import { expect } from '@playwright/test';
import { seedQueue, uniquePrefix } from '../queue/fixtures';
import { as, expectAccessible, test } from '../support/test';

test.describe('stores, as an operator', () => {
  test.use(as('operator'));

  test('creates, renames, connects and disconnects an instance, then deletes a store', async ({ page }, info) => {
    test.slow(); // a long flow on a shared 2-core machine
    const prefix = uniquePrefix(info, 'Loja');
    await page.goto('/stores');
    await expect(page.getByTestId('store-Moda Praia')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nova loja' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nova loja' });
    await dialog.getByLabel('Nome', { exact: true }).fill('a');
    await dialog.getByRole('button', { name: 'Criar loja' }).click();
    await expect(dialog.getByText('Dê um nome com pelo menos 2 letras.')).toBeVisible();
    await dialog.getByLabel('Nome', { exact: true }).fill(prefix);
    await dialog.getByRole('button', { name: 'Criar loja' }).click();
    await expect(page.getByText('Loja criada.')).toBeVisible();
    // the new store's credentials, shown this once
    await expect(dialog.getByRole('textbox', { name: 'Chave de API' })).toHaveValue(/^pombo_/);
    await expect(dialog.getByRole('textbox', { name: 'Segredo do webhook' })).toHaveValue(/^whsec_/);
    await dialog.getByRole('button', { name: 'Já copiei' }).click();
    await expect(page.getByRole('heading', { name: prefix, level: 1 })).toBeVisible();
    await expect(page.getByTestId('store-credentials').getByRole('button', { name: 'Rotacionar' })).toBeVisible();
    await expect(page.getByText('Nenhuma instância conectada.', { exact: false })).toBeVisible();

    await page.getByRole('button', { name: 'Renomear' }).click();
    await page.getByRole('dialog').getByLabel('Nome', { exact: true }).fill(`${prefix} Renomeada`);
    await page.getByRole('dialog').getByRole('button', { name: 'Salvar' }).click();
    await expect(page.getByText('Loja renomeada.')).toBeVisible();
    await expect(page.getByRole('heading', { name: `${prefix} Renomeada`, level: 1 })).toBeVisible();

    await page.getByRole('combobox', { name: 'Conectar instância' }).click();
    await page.getByRole('option', { name: 'Recuperação de Carrinho' }).click();
    await page.getByRole('button', { name: 'Conectar', exact: true }).click();
    await expect(page.getByText('Instância conectada à loja.')).toBeVisible();
    const row = page.getByTestId('store-instance-Recuperação de Carrinho');
    await expect(row).toContainText('Conectada');
    await expect(row.getByRole('link', { name: /^\d+$/ })).toBeVisible();

    await row.getByRole('button', { name: 'Desconectar' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, desconectar' }).click();
    await expect(page.getByText('Instância desconectada da loja.')).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.getByRole('button', { name: 'Excluir loja' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, excluir' }).click();
    await expect(page.getByText('Loja excluída.')).toBeVisible();
    await expect(page).toHaveURL(/\/stores$/);
    await expect(page.getByTestId(`store-${prefix} Renomeada`)).toHaveCount(0);
  });

  test('refuses to delete a store whose messages wait, with the reason', async ({ page }, info) => {
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Ocupada'), queued: 3 });
    await page.goto(`/stores/${q.storeId}`);
    await expect(page.getByTestId(`store-instance-${q.instanceName}`)).toContainText('3');
    await page.getByRole('button', { name: 'Excluir loja' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, excluir' }).click();
    await expect(page.getByText('Esta loja ainda tem 3 mensagens aguardando nas filas.', { exact: false })).toBeVisible();
    await expect(page.getByRole('heading', { name: q.storeName, level: 1 })).toBeVisible();
  });
});

test.describe('stores, as a viewer', () => {
  test.use(as('viewer'));

  test('sees stores and their instances read-only', async ({ page }) => {
    await page.goto('/stores');
    await expect(page.getByRole('button', { name: 'Nova loja' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Abrir loja: Moda Praia' }).click();
    await expect(page.getByRole('heading', { name: 'Moda Praia', level: 1 })).toBeVisible();
    await expect(page.getByText('Seu papel nesta conta não permite editar lojas.')).toBeVisible();
    await expect(page.getByTestId('store-instance-Vendas Moda Praia')).toBeVisible();
    for (const name of ['Renomear', 'Excluir loja', 'Desconectar', 'Conectar']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expectAccessible(page);
  });
});
