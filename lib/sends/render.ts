/**
 * Personalisation of a send's text: `{{nome}}` / `{{name}}` is the recipient's name, `{{telefone}}`
 * / `{{phone}}` the phone, any other `{{coluna}}` the CSV column of that name; unknown ones render
 * empty. A template's paths (lib/templates/render.ts) map onto the same fields: `contact.name`,
 * `contact.phone`, `data.<coluna>` and `store.name`.
 */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

const NAME_KEYS = ['nome', 'name'];
const PHONE_KEYS = ['telefone', 'phone'];

export interface RecipientFields {
  phone: string;
  name: string | null;
  vars: Record<string, string> | null;
  storeName?: string;
}

/** Each distinct `{{…}}` token as written and the key it names. */
export function placeholders(text: string): { token: string; key: string }[] {
  const seen = new Map<string, string>();
  for (const m of text.matchAll(PLACEHOLDER)) seen.set(m[0], m[1]!);
  return [...seen].map(([token, key]) => ({ token, key }));
}

/** Where a key's value comes from: the name column, the phone, the store's name, or a CSV column. */
export function sourceOf(key: string): { kind: 'name' } | { kind: 'phone' } | { kind: 'store' } | { kind: 'var'; key: string } {
  const k = key.toLowerCase();
  if (NAME_KEYS.includes(k) || k === 'contact.name') return { kind: 'name' };
  if (PHONE_KEYS.includes(k) || k === 'contact.phone') return { kind: 'phone' };
  if (k === 'store.name') return { kind: 'store' };
  return { kind: 'var', key: k.startsWith('data.') ? k.slice(5) : k };
}

export function renderText(text: string, r: RecipientFields): string {
  return text.replace(PLACEHOLDER, (_, key: string) => valueOf(key, r));
}

function valueOf(key: string, r: RecipientFields): string {
  const source = sourceOf(key);
  if (source.kind === 'name') return r.name ?? '';
  if (source.kind === 'phone') return r.phone;
  if (source.kind === 'store') return r.storeName ?? '';
  return r.vars?.[source.key] ?? '';
}
