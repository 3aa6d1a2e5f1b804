import { describe, expect, it } from 'vitest';
import { getTemplate, listTemplates } from '@/lib/templates/queries';
import { templateInputSchema } from '@/lib/templates/schemas';
import { createTemplate, deleteTemplate, updateTemplate } from '@/lib/templates/service';
import { createTenant } from '@/tests/support/factories';
import { makeStore } from '@/tests/support/queue-factories';

const input = (over: Record<string, unknown> = {}) =>
  templateInputSchema.parse({ name: 'Pedido pago', storeId: '', eventType: 'order_paid', body: 'Oi {{contact.name}}, pedido {{data.order.id}} pago!', active: 'on', ...over });

describe('templates', () => {
  it('rejects unknown variables and syntax errors on save, with line and column', () => {
    const unknown = templateInputSchema.safeParse({ name: 'X1', storeId: '', eventType: 'a', body: 'Oi\n{{cliente.nome}}', active: 'on' });
    expect(unknown.success).toBe(false);
    expect(unknown.error!.issues[0]!.message).toMatch(/^Linha 2, coluna 1: Variável desconhecida/);
    const syntax = templateInputSchema.safeParse({ name: 'X1', storeId: '', eventType: 'a', body: 'Oi {{contact.name', active: 'on' });
    expect(syntax.error!.issues[0]!.message).toMatch(/^Linha 1, coluna 4/);
  });

  it('lets owners, operators and editors write; viewers only read', async () => {
    const { actors } = await createTenant();
    for (const role of ['owner', 'operator', 'editor'] as const) {
      const { id } = await createTemplate(actors[role], input({ eventType: `t_${role}` }));
      await updateTemplate(actors[role], { ...input({ eventType: `t_${role}`, body: 'novo' }), templateId: id });
      expect((await getTemplate(actors.viewer, id)).body).toBe('novo');
    }
    await expect(createTemplate(actors.viewer, input({ eventType: 'v' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await listTemplates(actors.viewer)).toHaveLength(3);
  });

  it('allows one active template per store (or account-wide) and event type', async () => {
    const { account, actors } = await createTenant();
    const storeId = await makeStore(account.id);
    await createTemplate(actors.owner, input());
    await expect(createTemplate(actors.owner, input())).rejects.toMatchObject({ status: 409, fieldErrors: { eventType: expect.any(Array) } });
    await createTemplate(actors.owner, input({ active: '' }));
    await createTemplate(actors.owner, input({ storeId }));
  });

  it("answers not found for another tenant's template or store", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const { id } = await createTemplate(a.actors.owner, input());
    const foreignStore = await makeStore(b.account.id);
    await expect(getTemplate(b.actors.owner, id)).rejects.toMatchObject({ status: 404 });
    await expect(updateTemplate(b.actors.owner, { ...input(), templateId: id })).rejects.toMatchObject({ status: 404 });
    await expect(deleteTemplate(b.actors.owner, id)).rejects.toMatchObject({ status: 404 });
    await expect(createTemplate(a.actors.owner, input({ storeId: foreignStore, eventType: 'x' }))).rejects.toMatchObject({ status: 404 });
    expect(await listTemplates(b.actors.owner)).toHaveLength(0);
    await deleteTemplate(a.actors.editor, id);
    await expect(getTemplate(a.actors.owner, id)).rejects.toMatchObject({ status: 404 });
  });
});
