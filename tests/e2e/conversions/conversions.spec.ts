import { as, expect, expectAccessible, test } from '../support/test';
import { seedConversions } from './fixtures';

const prefixOf = (project: string) => `conv-${project}-${Date.now().toString(36)}`;

test.describe('Eventos de conversão, as an operator', () => {
  test.use(as('operator'));

  test('counts, filters, detail with attempts and "Reenviar agora" for a selection', async ({ page }, info) => {
    const seeded = await seedConversions(prefixOf(info.project.name));
    await page.goto('/conversions');
    await expect(page.getByRole('heading', { name: 'Eventos de conversão' })).toBeVisible();
    const counts = page.getByRole('navigation', { name: 'Eventos por status' });
    for (const label of ['Enviando', 'Sucesso', 'Falha', 'Esperando Retentativa', 'Reenviando']) await expect(counts.getByText(label, { exact: true })).toBeVisible();

    // Filter by destination: only this run's three events.
    await page.getByRole('combobox', { name: 'Destino' }).click();
    await page.getByRole('option', { name: `${seeded.destinationName} · ${seeded.storeName}` }).click();
    await expect(page).toHaveURL(/destinationId=/);
    await expect(page.getByTestId(/^conversion-/)).toHaveCount(3);
    await expectAccessible(page);

    // …and by status.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Esperando Retentativa' }).click();
    await expect(page.getByTestId(/^conversion-/)).toHaveCount(1);
    const row = page.getByTestId(`conversion-${seeded.waiting}`);
    await expect(row.getByText('Esperando Retentativa')).toBeVisible();

    // Detail: every attempt with its HTTP status and error.
    await row.getByRole('button', { name: `Ver detalhes de Purchase ${seeded.waiting}` }).click();
    const sheet = page.getByRole('dialog');
    await expect(sheet.getByRole('heading', { name: `Evento Purchase ${seeded.waiting}` })).toBeVisible();
    await expect(sheet.getByTestId('attempt-1')).toContainText('HTTP 503');
    await expect(sheet.getByTestId('attempt-1')).toContainText('instabilidade simulada');
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);

    // Select it and resend now: the sandbox destination accepts it at once.
    await row.getByRole('checkbox', { name: `Selecionar Purchase ${seeded.waiting}` }).click();
    await page.getByRole('button', { name: 'Reenviar agora (1)' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Reenviar 1 evento agora?');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reenviar agora' }).click();
    await expect(page.getByText('1 evento reenviado: 1 com sucesso, 0 esperando retentativa, 0 com falha.')).toBeVisible();

    // Back to all statuses of this destination: the event is now Sucesso with a second, manual attempt.
    await page.getByRole('link', { name: /Esperando Retentativa/ }).click();
    const done = page.getByTestId(`conversion-${seeded.waiting}`);
    await expect(done.getByText('Sucesso')).toBeVisible();
    await done.getByRole('button', { name: `Ver detalhes de Purchase ${seeded.waiting}` }).click();
    await expect(page.getByRole('dialog').getByTestId('attempt-2')).toContainText('manual');
  });

  test('"Reenviar agora" for one event from its detail', async ({ page }, info) => {
    const seeded = await seedConversions(prefixOf(info.project.name));
    await page.goto('/conversions?status=failed');
    const row = page.getByTestId(`conversion-${seeded.failed}`);
    await row.getByRole('button', { name: `Ver detalhes de Purchase ${seeded.failed}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reenviar agora' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reenviar agora' }).click();
    await expect(page.getByText('1 evento reenviado: 1 com sucesso, 0 esperando retentativa, 0 com falha.')).toBeVisible();
    await expect(page.getByTestId(`conversion-${seeded.failed}`)).toHaveCount(0); // no longer Falha
  });

  test('the store page lists its destinations and "Testar conexão" answers', async ({ page }, info) => {
    const seeded = await seedConversions(prefixOf(info.project.name));
    await page.goto('/stores');
    await page.getByRole('link', { name: seeded.storeName }).first().click();
    await expect(page.getByRole('heading', { name: 'Destinos de conversão' })).toBeVisible();
    await expect(page.getByTestId(`destination-${seeded.destinationName}`)).toContainText('Sandbox (demonstração)');
    await expectAccessible(page);
    await page.getByRole('button', { name: `Testar conexão de ${seeded.destinationName}` }).click();
    await expect(page.getByText(/Conexão ok: evento de teste aceito \(HTTP 200/)).toBeVisible();
  });
});

test.describe('Destinos de conversão, as an editor', () => {
  test.use(as('editor'));

  test('adds a destination from the store page (field errors first), pauses it and deletes it', async ({ page }, info) => {
    const seeded = await seedConversions(prefixOf(info.project.name));
    await page.goto('/stores');
    await page.getByRole('link', { name: seeded.storeName }).first().click();
    await page.getByRole('button', { name: 'Adicionar destino' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ID do pixel').fill('abc');
    await dialog.getByRole('button', { name: 'Salvar destino' }).click();
    await expect(dialog.getByText('O ID do pixel tem só números.')).toBeVisible();
    await dialog.getByLabel('Tipo').click();
    await page.getByRole('option', { name: 'Sandbox (demonstração)' }).click();
    const name = `${seeded.storeName} Novo`;
    await dialog.getByLabel('Nome').fill(name);
    await dialog.getByRole('button', { name: 'Salvar destino' }).click();
    await expect(page.getByText('Destino criado.')).toBeVisible();
    const item = page.getByTestId(`destination-${name}`);
    await expect(item).toContainText('order.paid → Purchase');
    await item.getByRole('button', { name: 'Pausar' }).click();
    await expect(item.getByText('Pausado')).toBeVisible();
    await item.getByRole('button', { name: 'Excluir' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Excluir' }).click();
    await expect(page.getByText('Destino excluído.')).toBeVisible();
    await expect(item).toHaveCount(0);
  });
});

test.describe('Eventos de conversão, as a viewer', () => {
  test.use(as('viewer'));

  test('sees everything but cannot resend, and is told why', async ({ page }, info) => {
    const seeded = await seedConversions(prefixOf(info.project.name));
    await page.goto('/conversions?status=waiting_retry');
    await expect(page.getByTestId(`conversion-${seeded.waiting}`)).toBeVisible();
    await expect(page.getByText('Seu papel não permite reenviar eventos (é preciso poder iniciar entregas).')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reenviar agora (0)' })).toBeDisabled();
    await expect(page.getByTestId(`conversion-${seeded.waiting}`).getByRole('checkbox')).toBeDisabled();
  });
});
