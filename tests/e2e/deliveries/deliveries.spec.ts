import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { as, expect, test } from '../support/test';
import { seedDraft, seedFinishedWithStaleStats } from './fixtures';

const block = (page: Page) => page.getByTestId('implantacao');
const kpi = (page: Page, name: string) => block(page).getByTestId(`kpi-${name}`).first();

test.describe('Confirmar envio, as the editor', () => {
  test.use(as('editor'));

  test('sees "Confirmar envio" disabled with the reason', async ({ page }, info) => {
    const configId = await seedDraft(`Editor ${info.project.name} ${Date.now()}`, 3);
    await page.goto(`/sends/${configId}`);
    const button = page.getByRole('button', { name: 'Confirmar envio' });
    await expect(button).toBeDisabled();
    await expect(page.getByText('Seu papel nesta conta não permite confirmar envios (Iniciar entregas).')).toBeVisible();
    await expect(block(page).getByText(/Nada enviado ainda/)).toBeVisible();
  });
});

test.describe('Confirmar envio and Implantação, as the operator', () => {
  test.use(as('operator'));

  test('confirms with "OK" and watches the Implantação block reach its final figures', async ({ page }, info) => {
    test.setTimeout(90_000);
    const configId = await seedDraft(`Operador ${info.project.name} ${Date.now()}`, 10);
    await page.goto(`/sends/${configId}`);
    await page.getByRole('button', { name: 'Confirmar envio' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Confirmar envio' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByText('Envio confirmado.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Confirmar envio' })).toHaveCount(0);
    // The page polls while the run is live: sent, then delivered and read as the sandbox's receipts arrive.
    await expect(kpi(page, 'toDeliver')).toHaveText('10', { timeout: 30_000 });
    await expect(kpi(page, 'sent')).toHaveText('10', { timeout: 30_000 });
    await expect(kpi(page, 'delivered')).toHaveText('100%', { timeout: 30_000 });
    await expect(kpi(page, 'errors')).toHaveText('0%');
    await expect(kpi(page, 'read')).toHaveText('100%', { timeout: 30_000 });
    await expect(kpi(page, 'clicked')).toHaveText('0%');
    await expect(block(page).getByText(/Enviada 10/)).toBeVisible();
    // This feature's part of the page: no serious or critical accessibility violation.
    const axe = await new AxeBuilder({ page }).include('[data-testid="implantacao"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: info.outputPath('implantacao.png'), fullPage: true });
  });

  test('"Calcular estatísticas" recomputes a finished send’s figures now', async ({ page }, info) => {
    const configId = await seedFinishedWithStaleStats(`Stats ${info.project.name} ${Date.now()}`);
    await page.goto(`/sends/${configId}`);
    await expect(kpi(page, 'sent')).toHaveText('0');
    const before = await block(page).getByTestId('computed-at').first().textContent();
    await block(page).getByRole('button', { name: 'Calcular estatísticas' }).first().click();
    await expect(page.getByText('Estatísticas atualizadas.')).toBeVisible();
    await expect(kpi(page, 'sent')).toHaveText('4');
    await expect(kpi(page, 'delivered')).toHaveText('50%');
    await expect(kpi(page, 'errors')).toHaveText('25%');
    await expect(kpi(page, 'read')).toHaveText('25%');
    await expect(block(page).getByText('Pendente 1 · Enviada 2 · Com falha 1')).toBeVisible();
    await expect(block(page).getByTestId('computed-at').first()).not.toHaveText(before ?? '');
  });
});
