/**
 * Pombo's template language, deliberately tiny: literal text and `{{ path }}` variables, nothing
 * else (no expressions, helpers or code). Paths: contact.name|phone|email, data.<key>(.<key>)*,
 * event.type|externalId|occurredAt, store.name. Values are inserted as plain text, never parsed
 * again, with control characters removed.
 */
export interface TemplateError {
  message: string;
  /** 0-based offset in the template, and 1-based line and column, for the editor. */
  position: number;
  line: number;
  column: number;
}

type Segment = { kind: 'text'; value: string } | { kind: 'var'; path: string[] };

export interface RenderContext {
  contact: { name?: string | null; phone?: string | null; email?: string | null };
  data: Record<string, unknown>;
  event?: { type?: string; externalId?: string; occurredAt?: string };
  store?: { name?: string };
}

const FIXED_ROOTS: Record<string, readonly string[]> = {
  contact: ['name', 'phone', 'email'],
  event: ['type', 'externalId', 'occurredAt'],
  store: ['name'],
};
const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_-]*|\d+)$/;
export const MAX_RENDERED_LENGTH = 4096;

function at(source: string, position: number, message: string): TemplateError {
  const before = source.slice(0, position).split('\n');
  return { message, position, line: before.length, column: before.at(-1)!.length + 1 };
}

function checkPath(raw: string): string | null {
  const path = raw.split('.');
  if (raw === '' || !path.every((p) => SEGMENT.test(p))) return `Variável malformada: "{{${raw}}}".`;
  const [root, ...rest] = path;
  if (root === 'data') return rest.length > 0 ? null : 'Use data.<campo>, por exemplo {{data.order.id}}.';
  const allowed = FIXED_ROOTS[root!];
  if (allowed && rest.length === 1 && allowed.includes(rest[0]!)) return null;
  return `Variável desconhecida: {{${raw}}}. Use contact.name, contact.phone, contact.email, data.…, event.type, event.externalId, event.occurredAt ou store.name.`;
}

/** Parses a template; the first error is returned with its position. */
export function parseTemplate(source: string): { ok: true; segments: Segment[] } | { ok: false; error: TemplateError } {
  const segments: Segment[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    const stray = source.indexOf('}}', i);
    if (stray !== -1 && (open === -1 || stray < open)) return { ok: false, error: at(source, stray, '"}}" sem "{{" correspondente.') };
    if (open === -1) {
      segments.push({ kind: 'text', value: source.slice(i) });
      break;
    }
    if (open > i) segments.push({ kind: 'text', value: source.slice(i, open) });
    const close = source.indexOf('}}', open + 2);
    const nested = source.indexOf('{{', open + 2);
    if (close === -1 || (nested !== -1 && nested < close)) return { ok: false, error: at(source, open, '"{{" sem "}}" de fechamento.') };
    const raw = source.slice(open + 2, close).trim();
    const problem = checkPath(raw);
    if (problem) return { ok: false, error: at(source, open, problem) };
    segments.push({ kind: 'var', path: raw.split('.') });
    i = close + 2;
  }
  return { ok: true, segments };
}

// Control characters other than tab and newline are dropped from inserted values.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

function lookup(context: RenderContext, path: string[]): string {
  let value: unknown = context;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return '';
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value.replace(CONTROL, '');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function renderSegments(segments: Segment[], context: RenderContext): string {
  const out = segments.map((s) => (s.kind === 'text' ? s.value : lookup(context, s.path))).join('');
  return out.length > MAX_RENDERED_LENGTH ? out.slice(0, MAX_RENDERED_LENGTH) : out;
}

/** Parses and renders; throws on an invalid template (saved templates were checked already). */
export function renderTemplate(source: string, context: RenderContext): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return renderSegments(parsed.segments, context);
}
