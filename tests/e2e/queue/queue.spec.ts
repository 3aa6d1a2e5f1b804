import { expect, type Page } from '@playwright/test';
import { as, expectAccessible, test } from '../support/test';
import { enqueueOne, seedQueue, uniquePrefix } from './fixtures';

/** Confirms the open "Sim, tenho certeza" dialog. */
async function confirm(page: Page) {
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name: 'Sim, tenho certeza' }).click();
  await expect(dialog).toHaveCount(0);
}

async function chooseState(page: Page, label: 'Aguardando' | 'Processando' | 'Todos') {
  await page.getByRole('combobox', { name: 'Filtro de estado' }).click();
  await page.getByRole('option', { name: label }).click();
}

const rows = (page: Page) => page.getByTestId('queue-row');
/** The number of one "Visão geral da fila" figure. */
const figure = (page: Page, id: 'estimate' | 'waiting' | 'entered' | 'sent' | 'status') => page.getByTestId(`overview-${id}`).locator('dd').first();

test.describe('Fila de envios, as an operator', () => {
  test.use(as('operator'));

  test('is linked from the instance page and shows the chart, the overview and the list', async ({ page }, info) => {
    test.slow(); // long flows on a shared 2-core machine
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Visão'), queued: 60, processing: true });
    await page.goto(`/instances/${q.instanceId}`);
    await page.getByRole('navigation', { name: 'Seções da instância' }).getByRole('link', { name: 'Fila de envios' }).click();
    await expect(page).toHaveURL(new RegExp(`/instances/${q.instanceId}/queue`));
    await expect(page.getByRole('heading', { name: 'Fila de envios', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Total de mensagens enviadas nos últimos 7 dias' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Total de mensagens enviadas nos últimos 7 dias: / })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Visão geral da fila' })).toBeVisible();
    await expect(figure(page, 'waiting')).toHaveText('60');
    // 2 s × 60 messages
    await expect(figure(page, 'estimate')).toHaveText('2 min');
    await expect(figure(page, 'status')).toHaveText('Desconectada');
    await expectAccessible(page);

    // Rows: the store links to its page; the message being sent heads the list
    await expect(rows(page).first()).toContainText('Processando');
    await expect(rows(page)).toHaveCount(51);
    await rows(page).nth(1).getByRole('link', { name: q.storeName }).click();
    await expect(page).toHaveURL(new RegExp(`/stores/${q.storeId}`));
    await expect(page.getByRole('heading', { name: q.storeName })).toBeVisible();
  });

  test('filters by state, searches a recipient with "Buscar", pages by keyset and keeps all that while refreshing', async ({ page }, info) => {
    test.slow(); // long flows on a shared 2-core machine
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Filtro'), queued: 60, processing: true });
    await page.goto(`/instances/${q.instanceId}/queue`);

    await chooseState(page, 'Processando');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('5511977776666');

    await chooseState(page, 'Aguardando');
    await page.getByRole('searchbox', { name: 'Destinatário' }).fill('5511900001042');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('5511900001042');

    await chooseState(page, 'Aguardando');
    await page.getByRole('searchbox', { name: 'Destinatário' }).fill('');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect(rows(page)).toHaveCount(50);
    await expect(rows(page).first()).toContainText('5511900001001');
    await page.getByRole('link', { name: 'Próximas' }).click();
    await expect(rows(page)).toHaveCount(10);
    await expect(rows(page).first()).toContainText('5511900001051');
    await expect(page).toHaveURL(/estado=queued/);

    // A message arrives: the live refresh shows it without losing the filter or the page
    await enqueueOne(q, '5511955554444');
    await expect(figure(page, 'waiting')).toHaveText('61', { timeout: 15_000 });
    await expect(rows(page)).toHaveCount(11);
    await expect(page).toHaveURL(/estado=queued/);
    await expect(page.getByRole('combobox', { name: 'Filtro de estado' })).toHaveText('Aguardando');

    await page.getByRole('link', { name: 'Anteriores' }).click();
    await expect(rows(page)).toHaveCount(50);
    await expect(rows(page).first()).toContainText('5511900001001');
  });

  test('"Ver" shows the event payload, the rendered text and the timeline', async ({ page }, info) => {
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Ver'), queued: 3 });
    await page.goto(`/instances/${q.instanceId}/queue`);
    await rows(page).first().getByRole('button', { name: 'Ver', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Detalhes da notificação' });
    await expect(dialog.getByTestId('rendered-text')).toHaveText('Olá! Seu pedido #1001 foi pago.');
    await expect(dialog.getByTestId('payload')).toContainText('"externalId": "pedido-1001"');
    await expect(dialog.getByTestId('timeline')).toContainText('Entrou na fila');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });

  test('"Remover da fila" takes one message out and "Recuperar mensagens" brings it back', async ({ page }, info) => {
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Remover'), queued: 3 });
    await page.goto(`/instances/${q.instanceId}/queue`);
    await expect(rows(page)).toHaveCount(3);
    await rows(page).first().getByRole('button', { name: 'Remover da fila' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Remover esta mensagem da fila?');
    await confirm(page);
    await expect(page.getByText('Mensagem removida da fila.')).toBeVisible();
    await expect(rows(page)).toHaveCount(2);
    await expect(figure(page, 'waiting')).toHaveText('2');

    await page.getByRole('button', { name: 'Recuperar mensagens' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('todas as mensagens removidas da fila nas últimas 48 horas');
    await confirm(page);
    await expect(page.getByText('1 mensagem recuperada')).toBeVisible();
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).first()).toContainText('5511900001001');
  });

  test('"Limpar fila" asks first, removes every waiting message, and they can be recovered', async ({ page }, info) => {
    test.slow(); // long flows on a shared 2-core machine
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Limpar'), queued: 25, processing: true, removed: 2 });
    await page.goto(`/instances/${q.instanceId}/queue`);
    await page.getByRole('button', { name: 'Limpar fila' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Limpar a fila de envios é uma ação que não poderá ser desfeita');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await expect(figure(page, 'waiting')).toHaveText('25');

    await page.getByRole('button', { name: 'Limpar fila' }).click();
    await confirm(page);
    await expect(page.getByText('25 mensagens removidas da fila')).toBeVisible();
    // The message being sent is never touched
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Processando');
    await expect(figure(page, 'waiting')).toHaveText('0');

    await page.getByRole('button', { name: 'Recuperar mensagens' }).click();
    await confirm(page);
    await expect(page.getByText('27 mensagens recuperadas')).toBeVisible();
    await expect(figure(page, 'waiting')).toHaveText('27');
  });

  test('"Rebalancear fila" moves messages to the other instance serving the store, or says why it cannot', async ({ page }, info) => {
    test.slow(); // long flows on a shared 2-core machine
    const alone = await seedQueue({ prefix: uniquePrefix(info, 'Sozinha'), queued: 4 });
    await page.goto(`/instances/${alone.instanceId}/queue`);
    await page.getByRole('button', { name: 'Rebalancear fila' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('distribuídas entre as instâncias conectadas');
    await confirm(page);
    await expect(page.getByText('Não há outra instância conectada e ativa nas lojas desta fila.', { exact: false })).toBeVisible();

    const q = await seedQueue({ prefix: uniquePrefix(info, 'Rebalancear'), queued: 40, rebalanceTarget: true });
    await page.goto(`/instances/${q.instanceId}/queue`);
    await page.getByRole('button', { name: 'Rebalancear fila' }).click();
    await confirm(page);
    // This instance is disconnected: everything goes to the connected one
    await expect(page.getByText('40 mensagens rebalanceadas')).toBeVisible();
    await expect(figure(page, 'waiting')).toHaveText('0');
  });

  test('a large "Limpar fila" runs as a job with progress and toasts its result', async ({ page }, info) => {
    test.slow();
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Grande'), queued: 6_000 });
    await page.goto(`/instances/${q.instanceId}/queue`);
    await page.getByRole('button', { name: 'Limpar fila' }).click();
    await confirm(page);
    await expect(page.getByText('Operação iniciada. Acompanhe o progresso aqui.')).toBeVisible();
    await expect(page.getByText('6.000 mensagens removidas da fila')).toBeVisible({ timeout: 30_000 });
    await expect(figure(page, 'waiting')).toHaveText('0');
    await expect(page.getByTestId('operation-progress')).toHaveCount(0);
  });
});

test.describe('Fila de envios, as a viewer', () => {
  test.use(as('viewer'));

  test('sees the queue and "Ver", with every queue action disabled and the reason', async ({ page }, info) => {
    const q = await seedQueue({ prefix: uniquePrefix(info, 'Leitor'), queued: 3 });
    await page.goto(`/instances/${q.instanceId}/queue`);
    await expect(page.getByText('Seu papel nesta conta não permite agir nas filas', { exact: false })).toBeVisible();
    for (const name of ['Limpar fila', 'Rebalancear fila', 'Recuperar mensagens']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
    }
    await expect(rows(page).first().getByRole('button', { name: 'Remover da fila' })).toBeDisabled();
    await rows(page).first().getByRole('button', { name: 'Ver', exact: true }).click();
    await expect(page.getByRole('dialog').getByTestId('rendered-text')).toBeVisible();
    await page.keyboard.press('Escape');
    await expectAccessible(page);
  });

  test('opens a queue from its size in the instance list', async ({ page }) => {
    await page.goto('/instances');
    await page.getByRole('link', { name: /Fila de envios de Vendas Moda Praia/ }).click();
    await expect(page).toHaveURL(/\/instances\/[0-9a-f-]+\/queue$/);
    await expect(page.getByRole('heading', { name: 'Fila de envios' })).toBeVisible();
  });

  test('writes the chart days and figures in the chosen language', async ({ page, context, baseURL }) => {
    await page.goto('/instances');
    await page.getByRole('link', { name: /Fila de envios de Atendimento Principal/ }).click();
    // The demo's busiest instance sends over a thousand messages on most days.
    await expect(page.getByRole('img', { name: /^Total de mensagens enviadas nos últimos 7 dias: / })).toHaveAttribute('aria-label', /\d{2}\/\d{2}: \d\.\d{3}/);
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole('img', { name: /^Total messages sent in the last 7 days: / })).toHaveAttribute('aria-label', /\d{2}\/\d{2}: \d,\d{3}/);
  });

  test('watches a demo instance drain', async ({ page }) => {
    await page.goto('/instances');
    await page.getByRole('link', { name: /Gerenciar instância: Atendimento Principal/ }).first().click();
    await page.getByRole('navigation', { name: 'Seções da instância' }).getByRole('link', { name: 'Fila de envios' }).click();
    await expect(figure(page, 'status')).toHaveText(/Enviando|Vazia/);
    await expect(figure(page, 'sent')).toHaveText(/^[1-9]/, { timeout: 15_000 });
  });
});
