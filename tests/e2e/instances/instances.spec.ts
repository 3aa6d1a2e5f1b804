import { expect, type Page } from '@playwright/test';
import { expectToast, seedQueue, seedStore, uniquePrefix } from '../queue/fixtures';
import { as, expectAccessible, test } from '../support/test';

async function confirmWith(page: Page, label: string) {
  await page.getByRole('alertdialog').getByRole('button', { name: label }).click();
}

test.describe('instances, as an operator', () => {
  test.use(as('operator'));

  test('lists the instances with status, interval, today and queue, each with "Gerenciar instância"', async ({ page }) => {
    await page.goto('/instances');
    await expect(page.getByRole('heading', { name: 'Instâncias', level: 1 })).toBeVisible();
    const row = page.getByTestId('instance-Vendas Moda Praia');
    await expect(row).toContainText('5548991230002');
    await expect(row).toContainText('3 s');
    await expect(row.getByText('Conectada').filter({ visible: true })).toBeVisible();
    await expectAccessible(page);
    await row.getByRole('link', { name: /Gerenciar instância/ }).click();
    await expect(page.getByRole('heading', { name: 'Vendas Moda Praia', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Moda Praia' })).toBeVisible();
    await expectAccessible(page);
  });

  test('creates an instance (field errors first), connects, pauses, sends a test message and is refused deletion while it waits', async ({ page }, info) => {
    test.slow(); // a long flow on a shared 2-core machine
    const prefix = uniquePrefix(info, 'Nova');
    const store = await seedStore(`${prefix} Loja`);
    await page.goto('/instances');
    await page.getByRole('button', { name: 'Nova instância' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nova instância' });
    await dialog.getByLabel('Nome', { exact: true }).fill('x');
    await dialog.getByLabel('Número', { exact: true }).fill('123');
    await dialog.getByLabel('Intervalo entre envios (segundos)').fill('0,05');
    await dialog.getByRole('button', { name: 'Criar instância' }).click();
    await expect(dialog.getByText('Dê um nome com pelo menos 2 letras.')).toBeVisible();
    await expect(dialog.getByText('Informe o número com DDI e DDD, só dígitos: 5511999990000.')).toBeVisible();
    await expect(dialog.getByText('O intervalo mínimo é 0,1 segundo.')).toBeVisible();

    const name = `${prefix} Instância`;
    await dialog.getByLabel('Nome', { exact: true }).fill(name);
    await dialog.getByLabel('Número', { exact: true }).fill('+55 (11) 98888-7777');
    await dialog.getByLabel('Intervalo entre envios (segundos)').fill('2,5');
    await dialog.getByLabel('Limite diário').fill('500');
    await dialog.getByLabel(store.name).check();
    await dialog.getByRole('button', { name: 'Criar instância' }).click();
    await expectToast(page, 'Instância criada.');
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText('Desconectada').first()).toBeVisible();
    await expect(page.getByTestId('sent-today')).toHaveText('0 / 500');
    await expect(page.getByText('2,5 s')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Lojas atendidas' }).getByRole('link', { name: store.name })).toBeVisible();

    await page.getByRole('button', { name: 'Conectar', exact: true }).click();
    await expectToast(page, 'Instância conectada.');
    await page.getByRole('button', { name: 'Pausar' }).click();
    await expectToast(page, 'Instância pausada.');
    await expect(page.getByText('Pausada').first()).toBeVisible();

    await page.getByLabel('Número de destino').fill('12');
    await page.getByRole('button', { name: 'Enviar mensagem de teste' }).click();
    await expect(page.getByText('Informe o número com DDI e DDD, só dígitos: 5511999990000.')).toBeVisible();
    await page.getByLabel('Número de destino').fill('5511912345678');
    await page.getByRole('button', { name: 'Enviar mensagem de teste' }).click();
    await expectToast(page, 'Mensagem de teste colocada na fila.');
    await expect(page.getByTestId('queued-count')).toHaveText('1');

    await page.getByRole('button', { name: 'Excluir' }).click();
    await confirmWith(page, 'Sim, excluir');
    await expectToast(page, 'Esta instância ainda tem 1 mensagem aguardando. Limpe ou rebalanceie a fila antes de excluí-la.');

    // Paused: the test message is still there, from the instance's number
    await page.getByRole('navigation', { name: 'Seções da instância' }).getByRole('link', { name: 'Fila de envios' }).click();
    await expect(page.getByTestId('queue-row')).toContainText('5511912345678');
    await expect(page.getByTestId('overview-status').locator('dd').first()).toHaveText('Pausada');
    await page.getByRole('button', { name: 'Limpar fila' }).click();
    await confirmWith(page, 'Sim, tenho certeza');
    await expectToast(page, '1 mensagem removida da fila');

    await page.getByRole('link', { name: 'Instância', exact: true }).click();
    await page.getByRole('button', { name: 'Retomar' }).click();
    await expectToast(page, 'Envios retomados.');
    await page.getByRole('button', { name: 'Desconectar' }).click();
    await confirmWith(page, 'Sim, desconectar');
    await expectToast(page, 'Instância desconectada.');
    await page.getByRole('button', { name: 'Excluir' }).click();
    await confirmWith(page, 'Sim, excluir');
    await expect(page.getByText('Instância excluída.')).toBeVisible();
    await expect(page).toHaveURL(/\/instances$/);
    await expect(page.getByTestId(`instance-${name}`)).toHaveCount(0);
  });

  test('edits the provider: the token is required, kept masked, and a refusal from the provider is shown', async ({ page }, info) => {
    test.slow(); // a long flow on a shared 2-core machine
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Editar'), queued: 0 });
    await page.goto(`/instances/${q.instanceId}`);
    await page.getByRole('button', { name: 'Editar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Editar instância' });
    await dialog.getByRole('combobox', { name: 'Provedor' }).click();
    await page.getByRole('option', { name: 'WhatsApp Cloud API' }).click();
    await dialog.getByLabel('ID do número de telefone').fill('1234567890');
    // Nothing listens on port 9: the provider check fails at once
    await dialog.getByLabel('URL base da Graph API').fill('http://127.0.0.1:9/v21.0');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await expect(dialog.getByText('Informe o token ou segredo deste provedor.')).toBeVisible();
    await dialog.getByLabel('Token de acesso').fill('EAAG-segredo-muito-longo-1234');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await expectToast(page, 'Instância salva.');
    await expect(page.getByText('WhatsApp Cloud API').first()).toBeVisible();
    await expect(page.getByText('EAAG-segredo-muito-longo-1234')).toHaveCount(0);
    await expect(page.getByText('••••••1234')).toBeVisible();

    await page.getByRole('button', { name: 'Conectar', exact: true }).click();
    await expect(page.getByText(/O provedor recusou a conexão/)).toBeVisible();
    await expect(page.getByText('Desconectada').first()).toBeVisible();
  });
});

test.describe('instances, as a viewer', () => {
  test.use(as('viewer'));

  test('sees instances and their pages without the management controls', async ({ page }) => {
    await page.goto('/instances');
    await expect(page.getByRole('button', { name: 'Nova instância' })).toHaveCount(0);
    await expect(page.getByText('Somente proprietários e operadores gerenciam instâncias.')).toBeVisible();
    await page.getByRole('link', { name: /Gerenciar instância: Recuperação de Carrinho/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Recuperação de Carrinho', level: 1 })).toBeVisible();
    await expect(page.getByText('Seu papel nesta conta não permite gerenciar instâncias.')).toBeVisible();
    for (const name of ['Editar', 'Pausar', 'Desconectar', 'Excluir', 'Enviar mensagem de teste']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    await expectAccessible(page);
  });
});
