import type { Page } from '@playwright/test';
import { as, expect, expectAccessible, test } from '../support/test';
import { seedSend } from './fixtures';

const CSV = [
  'telefone,nome,cupom',
  '(11) 98765-4321,Ana,A1', // line 2
  '12345,Bruno,B2', // line 3: invalid phone
  '21 99876-5432,Carla', // line 4: missing column
  '+55 11 98765-4321,Ana de novo,A9', // line 5: duplicate of line 2
  '+1 415 555 2671,Eva,E5', // line 6
  '11 91234-5678,Fábio,F6', // line 7
].join('\n');

async function rowMenu(page: Page, name: string) {
  await page.getByRole('button', { name: `Opções avançadas de ${name}` }).click();
  return page.getByRole('menuitem', { name: /^Abortar/ });
}

async function filterBy(page: Page, state: string) {
  await page.getByLabel('Estado de Envio').click();
  await page.getByRole('option', { name: state, exact: true }).click();
}

test.describe('Programar Envios, as the operator', () => {
  test.use(as('operator'));

  test('creates a configuration from a CSV with bad lines, confirms it, and aborts it while SCHEDULED', async ({ page }, info) => {
    test.slow(); // a long journey: form, upload, detail, confirm, list, abort
    const name = `Campanha e2e ${info.project.name} ${Date.now()}`;
    await page.goto('/sends');
    await expect(page.getByRole('heading', { name: 'Listar Configurações' })).toBeVisible();
    await page.getByRole('link', { name: 'Nova configuração' }).click();
    await page.getByRole('textbox', { name: 'Nome' }).fill(name);
    await page.getByRole('combobox', { name: 'Loja' }).click();
    await page.getByRole('option', { name: 'Automação #1' }).click();
    await page.getByLabel('Texto da mensagem').fill('Oi {{nome}}, seu cupom é {{cupom}}');
    await expect(page.getByText('Nenhum arquivo escolhido')).toBeVisible();
    await page.getByLabel('Audiência (CSV)').setInputFiles({ name: 'lista.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect(page.getByText('lista.csv', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Prévia das primeiras linhas' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Oi Ana, seu cupom é A1' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Quando enviar' }).click();
    await page.getByRole('option', { name: 'Data e hora' }).click();
    await page.getByLabel(/^Data e hora \(/).fill('2099-12-24T09:00');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Criar rascunho' }).click();

    await expect(page).toHaveURL(/\/sends\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('Rascunho').first()).toBeVisible();
    const figure = (label: string) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
    await expect(figure('Válidos')).toHaveText('3');
    await expect(figure('Inválidos')).toHaveText('2');
    await expect(figure('Duplicados')).toHaveText('1');
    await expect(page.getByText('Linha 3: Telefone inválido: 12345')).toBeVisible();
    await expect(page.getByText('Linha 4: Esperadas 3 colunas, encontradas 2')).toBeVisible();
    const report = await page.request.get(await page.getByRole('link', { name: 'Baixar relatório de erros' }).getAttribute('href').then((h) => h!));
    expect(await report.text()).toBe('linha,motivo,conteudo\n3,"Telefone inválido: 12345","12345,Bruno,B2"\n4,"Esperadas 3 colunas, encontradas 2","21 99876-5432,Carla"\n');
    await expect(page.getByRole('cell', { name: 'Oi Eva, seu cupom é E5' })).toBeVisible();
    await page.reload(); // without the toasts
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Confirmar envio' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
    await expect(page.getByText('Envio confirmado.')).toBeVisible();
    await expect(page.getByText('SCHEDULED').first()).toBeVisible();

    await page.goto('/sends');
    await filterBy(page, 'SCHEDULED');
    await expect(page).toHaveURL(/state=scheduled/);
    const row = page.getByTestId(`send-${name}`);
    await expect(row.getByText('SCHEDULED', { exact: true })).toBeVisible();
    await (await rowMenu(page, name)).click();
    await expect(page.getByRole('alertdialog')).toContainText(`Abortar o envio “${name}”?`);
    await page.getByRole('button', { name: 'Abortar envio' }).click();
    await expect(page.getByText('Envio abortado.')).toBeVisible();
    await expect(row).toHaveCount(0); // no longer SCHEDULED
    await filterBy(page, 'Abortado');
    await expect(page.getByTestId(`send-${name}`).getByText('Abortado', { exact: true })).toBeVisible();
  });

  test('the Estado de Envio filter', async ({ page }, info) => {
    await page.goto('/sends');
    await expect(page.getByTestId('send-Black Friday Automação')).toBeVisible();
    await page.screenshot({ path: info.outputPath('sends-list.png'), fullPage: true });
    await filterBy(page, 'Concluído');
    await expect(page.getByTestId('send-Boas-vindas de outubro')).toBeVisible();
    await expect(page.getByTestId('send-Black Friday Automação')).toHaveCount(0);
    await filterBy(page, 'Falhou');
    await expect(page.getByTestId('send-Promo Dia das Mães')).toBeVisible();
    await expect(page.getByTestId('send-Boas-vindas de outubro')).toHaveCount(0);
    await filterBy(page, 'Todos os estados');
    await expect(page).toHaveURL(/\/sends$/);
    await expectAccessible(page);
  });

  test('"Abortar" in each state follows the seed rules', async ({ page }, info) => {
    test.slow();
    const tag = `${info.project.name} ${Date.now()}`;
    const processing = `PROCESANDO ${tag}`;
    const before = `Antes da geração ${tag}`;
    const generating = `Gerando ${tag}`;
    await seedSend(processing, 'processing');
    await seedSend(before, 'in_progress_before');
    await seedSend(generating, 'in_progress_generating');

    // PROCESANDO: recorded; stays PROCESANDO; a second abort is refused with the reason.
    await page.goto('/sends?state=processing');
    await (await rowMenu(page, processing)).click();
    await page.getByRole('button', { name: 'Abortar envio' }).click();
    await expect(page.getByText('Cancelamento registrado: o envio será cancelado ao fim do processamento.')).toBeVisible();
    await expect(page.getByTestId(`send-${processing}`).getByText('PROCESANDO', { exact: true })).toBeVisible();
    const again = await rowMenu(page, processing);
    await expect(again).toBeDisabled();
    await expect(again).toContainText('O cancelamento já foi registrado.');
    await page.keyboard.press('Escape');

    // IN-PROGRESS before generation: aborted, nothing sent.
    await page.goto('/sends?state=in_progress');
    await (await rowMenu(page, before)).click();
    await page.getByRole('button', { name: 'Abortar envio' }).click();
    await expect(page.getByText('Envio abortado.')).toBeVisible();
    await expect(page.getByTestId(`send-${before}`)).toHaveCount(0);

    // IN-PROGRESS once generation started: refused, with the reason.
    const refused = await rowMenu(page, generating);
    await expect(refused).toBeDisabled();
    await expect(refused).toContainText('A geração já começou: o envio não pode mais ser interrompido.');
    await page.keyboard.press('Escape');

    // Rascunho and ended ones: nothing to abort.
    await page.goto('/sends?state=draft');
    const draft = await rowMenu(page, 'Lançamento Coleção Verão');
    await expect(draft).toBeDisabled();
    await expect(draft).toContainText('Rascunho: ainda não há envio para abortar.');
    await page.keyboard.press('Escape');
    await page.goto('/sends?state=done');
    await expect(await rowMenu(page, 'Boas-vindas de outubro')).toContainText('Este envio já terminou.');
    await page.keyboard.press('Escape');

    // The detail page shows the run's timeline and its queue link.
    await page.goto('/sends?state=in_progress');
    await page.getByRole('link', { name: generating }).click();
    await expect(page.getByText('Lote 1: posições 1–1 (1)')).toBeVisible();
    await expect(page.getByRole('link', { name: `Fila de ${generating} Instância (1 na fila)` })).toHaveAttribute('href', /\/instances\/[0-9a-f-]{36}\/queue$/);
    await page.screenshot({ path: info.outputPath('send-detail.png'), fullPage: true });
  });
});

test.describe('Programar Envios, as a viewer', () => {
  test.use(as('viewer'));

  test('sees the list without "Nova configuração", and "Abortar" disabled with the reason', async ({ page }) => {
    await page.goto('/sends?state=scheduled');
    await expect(page.getByRole('link', { name: 'Nova configuração' })).toHaveCount(0);
    const abort = await rowMenu(page, 'Black Friday Automação');
    await expect(abort).toBeDisabled();
    await expect(abort).toContainText('Seu papel nesta conta não permite abortar envios');
  });
});
