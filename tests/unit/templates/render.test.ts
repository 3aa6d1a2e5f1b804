import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate } from '@/lib/templates/render';
import { pickTemplate } from '@/lib/templates/lookup';

const ctx = { contact: { name: 'Ana', phone: '+5511987654321' }, data: { order: { id: 'A-1', items: [{ sku: 'X' }] }, n: 3 }, store: { name: 'Loja' } };

describe('template renderer', () => {
  it('fills contact, data (nested and array index), event and store variables', () => {
    expect(renderTemplate('Oi {{contact.name}}, pedido {{ data.order.id }} ({{data.order.items.0.sku}}, {{data.n}}) em {{store.name}}', ctx)).toBe(
      'Oi Ana, pedido A-1 (X, 3) em Loja',
    );
  });

  it('renders a missing value or an object as empty, never as code or [object Object]', () => {
    expect(renderTemplate('[{{data.nope}}][{{data.order}}]', ctx)).toBe('[][]');
  });

  it('inserts values as text: template syntax inside a value is not evaluated, control characters are dropped', () => {
    const out = renderTemplate('{{contact.name}}', { contact: { name: '{{data.n}}\u0007<b>' }, data: { n: 1 } });
    expect(out).toBe('{{data.n}}<b>');
  });

  it('does not reach into prototypes', () => {
    expect(renderTemplate('{{data.constructor}}{{data.__proto__}}', { contact: {}, data: {} })).toBe('');
  });

  it.each([
    ['Oi {{contact.nome}}', 3, 'desconhecida'],
    ['Oi {{foo}}', 3, 'desconhecida'],
    ['Oi {{data}}', 3, 'data.'],
    ['Oi {{contact.name', 3, 'fechamento'],
    ['Oi }} x', 3, 'sem "{{"'],
    ['a\nb {{ }}', 4, 'malformada'],
    ['{{data.a b}}', 0, 'malformada'],
    ['{{ {{data.a}} }}', 0, 'fechamento'],
  ])('rejects %j at its position', (source, position, text) => {
    const r = parseTemplate(source);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.position).toBe(position);
      expect(r.error.message).toContain(text);
    }
  });

  it('reports line and column', () => {
    const r = parseTemplate('Olá\n  {{x.y}}');
    expect(r.ok || r.error).toMatchObject({ line: 2, column: 3 });
  });
});

describe('template lookup', () => {
  const t = (id: string, storeId: string | null, eventType = 'order_paid', accountId = 'a') => ({ id, accountId, storeId, eventType, body: '' });
  it("prefers the store's own template, then the account-wide one, else none", () => {
    const list = [t('wide', null), t('own', 's1'), t('other', 's2'), t('foreign', null, 'order_paid', 'b')];
    expect(pickTemplate(list, 'a', 's1', 'order_paid')?.id).toBe('own');
    expect(pickTemplate(list, 'a', 's3', 'order_paid')?.id).toBe('wide');
    expect(pickTemplate(list, 'b', 's1', 'order_paid')?.id).toBe('foreign');
    expect(pickTemplate(list, 'a', 's1', 'cart_abandoned')).toBeNull();
  });
});
