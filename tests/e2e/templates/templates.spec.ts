import { as, expect, expectAccessible, isPhone, test } from '../support/test';

test.describe('Modelos, as an editor', () => {
  test.use(as('editor'));

  test('creates a template with a live preview, is told where an unknown variable is, edits and deletes it', async ({ page }, info) => {
    const type = `e2e_${info.project.name}_${Date.now().toString(36)}`;
    const name = `Modelo ${type}`;
    await page.goto('/templates');
    await expect(page.getByRole('heading', { name: 'Modelos', level: 1 })).toBeVisible();
    await expect(page.getByTestId('template-Pagamento aprovado')).toBeVisible();
    await page.getByRole('link', { name: 'Novo modelo' }).first().click();
    await page.getByRole('textbox', { name: 'Nome' }).fill(name);
    await page.getByRole('combobox', { name: 'Tipo de evento' }).fill(type);
    const body = page.getByLabel('Texto da mensagem');
    await body.fill('Oi {{contact.name}}, pedido {{data.order.id}} ({{data.order.total}})');
    await expect(page.getByTestId('template-preview')).toHaveText('Oi Ana Souza, pedido 1001 (R$ 189,90)');
    await expectAccessible(page);

    await body.fill('Oi\n{{cliente.nome}}');
    await expect(page.getByTestId('template-preview')).toContainText('2:1');
    await page.getByRole('button', { name: 'Salvar modelo' }).click();
    await expect(page.getByText(/Linha 2, coluna 1: Variável desconhecida/)).toBeVisible();

    await body.fill('Seu pedido {{data.order.id}} chegou, {{contact.name}}!');
    await page.getByRole('button', { name: 'Salvar modelo' }).click();
    await expect(page).toHaveURL(/\/templates$/);
    const row = page.getByTestId(`template-${name}`);
    await expect(row).toContainText('Ativo');
    if (!isPhone(page)) await page.screenshot({ path: info.outputPath('templates.png'), fullPage: true });

    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name: 'Editar modelo' })).toBeVisible();
    await page.getByRole('switch', { name: 'Ativo' }).click();
    await page.getByRole('button', { name: 'Salvar modelo' }).click();
    await expect(row).toContainText('Inativo');

    await row.getByRole('button', { name: 'Excluir' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, excluir' }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe('Modelos, as a viewer', () => {
  test.use(as('viewer'));

  test('reads templates but gets no way to change them', async ({ page }) => {
    await page.goto('/templates');
    await expect(page.getByText('Seu papel permite apenas ver os modelos.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Novo modelo' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Excluir' })).toHaveCount(0);
    await page.goto('/templates/new');
    await expect(page.getByText('Página não encontrada')).toBeVisible();
  });
});
