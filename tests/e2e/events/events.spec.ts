import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { as, expect, expectAccessible, isPhone, test } from '../support/test';
import { seedApiStore, uniquePrefix } from './fixtures';

const event = (externalId: string, type: string, phone = '+5511987654321') => ({
  externalId,
  type,
  occurredAt: new Date().toISOString(),
  contact: { phone, name: 'Ana Souza' },
  data: { order: { id: '4242' } },
});

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('Eventos, as an operator', () => {
  test.use(as('operator'));

  test('an event sent to the API shows up with its status, filters, and a timeline linking to the queue', async ({ page, request }, info) => {
    const prefix = uniquePrefix(info, 'Evt');
    const type = `order_e2e_${info.project.name}_${Date.now().toString(36)}`;
    const store = await seedApiStore(prefix, type);
    const ok = await request.post('/api/v1/events', { headers: { authorization: `Bearer ${store.apiKey}` }, data: event(`${prefix}-1`, type) });
    expect(ok.status()).toBe(202);
    const bad = await request.post('/api/v1/events/batch', { headers: { authorization: `Bearer ${store.apiKey}` }, data: { events: [event(`${prefix}-2`, type, '12')] } });
    expect(bad.status()).toBe(202);
    expect((await request.post('/api/v1/events', { headers: { authorization: 'Bearer errada' }, data: event('x', type) })).status()).toBe(401);

    await page.goto('/events');
    await expect(page.getByRole('heading', { name: 'Eventos', level: 1 })).toBeVisible();
    for (const label of ['Pendente', 'Entrega pendente', 'Enviado', 'Ignorado pela entrega', 'Falha na entrega', 'Evento não considerado']) {
      await expect(page.getByRole('region', { name: 'Eventos por status' }).getByText(label, { exact: true })).toBeVisible();
    }
    await choose(page, 'Loja', store.storeName);
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect(page).toHaveURL(new RegExp(`store=${store.storeId}`));
    const rows = page.getByTestId('event-row');
    await expect(rows).toHaveCount(2);
    // The workers process them within a second or so; the list refreshes by itself.
    await expect(rows.filter({ hasText: 'Ignorado pela entrega' })).toHaveCount(1, { timeout: 20_000 });
    await expect(rows.filter({ hasText: 'Entrega pendente' })).toHaveCount(1, { timeout: 20_000 });
    await page.mouse.move(0, 0); // a hovered button is lighter than at rest
    await expectAccessible(page);

    await choose(page, 'Status', 'Ignorado pela entrega');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect(rows).toHaveCount(1);
    await page.getByTestId('count-pending_delivery').click();
    await expect(page).toHaveURL(/status=pending_delivery/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Entrega pendente');

    await rows.filter({ hasText: `${prefix}-1` }).getByRole('link', { name: type }).click();
    await expect(page.getByRole('heading', { name: type, level: 1 })).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Linha do tempo' });
    await expect(timeline.getByText('Recebido')).toBeVisible();
    await expect(timeline.getByText('Modelo atribuído')).toBeVisible();
    await expect(timeline.getByText('Na fila de envio')).toBeVisible();
    await expect(page.getByTestId('message-body')).toHaveText('Olá Ana Souza, pedido 4242 confirmado!');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ver na fila da instância' }).click();
    await expect(page).toHaveURL(new RegExp(`/instances/${store.instanceId}/queue`));
    if (isPhone(page)) return;
    await page.screenshot({ path: info.outputPath('events.png'), fullPage: true });
  });

  test('the store page shows masked credentials, curl examples and recent events; "Gerar credenciais" shows them once', async ({ page }, info) => {
    const prefix = uniquePrefix(info, 'Cred');
    const store = await seedApiStore(prefix, 'order_paid', false);
    await page.goto(`/stores/${store.storeId}`);
    const section = page.getByTestId('store-credentials');
    await expect(section.getByRole('heading', { name: 'Credenciais da API' })).toBeVisible();
    await section.getByText('Exemplos com curl').click();
    await expect(section.getByText('/api/v1/events/batch').first()).toBeVisible();
    // These two sections (the rest of the store page belongs to the stores feature's own specs).
    const axe = await new AxeBuilder({ page }).include('[data-testid="store-credentials"]').include('[data-testid="store-events"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await expect(section.getByText('Esta loja ainda não tem credenciais.')).toBeVisible();
    await section.getByRole('button', { name: 'Gerar credenciais' }).click();
    const dialog = page.getByRole('dialog', { name: 'Copie as credenciais agora' });
    const key = await dialog.getByRole('textbox', { name: 'Chave de API' }).inputValue();
    expect(key).toMatch(/^pombo_/);
    await dialog.getByRole('button', { name: 'Já copiei' }).click();
    await expect(section.getByText(`••••••${key.slice(-4)}`)).toBeVisible();
    await expect(section.getByText(key)).toHaveCount(0);

    await section.getByRole('button', { name: 'Rotacionar' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Sim, rotacionar' }).click();
    const rotated = await page.getByRole('dialog', { name: 'Copie as credenciais agora' }).getByRole('textbox', { name: 'Chave de API' }).inputValue();
    expect(rotated).not.toBe(key);
    await page.getByRole('button', { name: 'Já copiei' }).click();

    await expect(page.getByTestId('store-events').getByText('Esta loja ainda não enviou eventos.')).toBeVisible();
  });
});

test.describe('Eventos, as a viewer', () => {
  test.use(as('viewer'));

  test('sees the demo events and the store credentials, but cannot rotate them', async ({ page }) => {
    await page.goto('/events?period=all');
    await expect(page.getByTestId('event-row').first()).toBeVisible();
    await page.goto('/stores');
    await page.getByRole('link', { name: 'Automação #1' }).first().click();
    const section = page.getByTestId('store-credentials');
    await expect(section.getByText('••••••_key')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Rotacionar' })).toHaveCount(0);
  });
});
