import { as, expect, test } from '../support/test';

test.describe('platform admin', () => {
  test.use(as('admin'));

  test('sees every account, the job queues and the live workers', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Administração da plataforma' })).toBeVisible();
    const accounts = page.getByRole('region', { name: 'Contas' });
    await expect(accounts.getByRole('row', { name: /Loja Demo\s+4/ })).toBeVisible();
    await expect(accounts.getByRole('row', { name: /Loja Parceira\s+1/ })).toBeVisible();
    await expect(page.getByTestId('queue-pruneWorkers')).toBeVisible();
    await expect(page.getByTestId('worker-row').first()).toContainText('web+worker');
  });
});

test.describe('everyone else', () => {
  test.use(as('owner'));

  test('gets a 404 at /admin', async ({ page }) => {
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Página não encontrada' })).toBeVisible();
  });
});

test('GET /api/health answers ok with the database and workers', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'ok', db: 'ok' });
  expect(body.workers.live).toBeGreaterThanOrEqual(1);
});
