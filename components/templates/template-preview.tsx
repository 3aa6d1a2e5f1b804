'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/shell/field';
import { Textarea } from '@/components/ui/textarea';
import { parseTemplate, renderSegments, type RenderContext } from '@/lib/templates/render';

export const SAMPLE_EVENT = JSON.stringify(
  {
    type: 'order_paid',
    externalId: 'pedido-1001',
    contact: { name: 'Ana Souza', phone: '+5511987654321', email: 'ana@example.com' },
    data: { order: { id: '1001', total: 'R$ 189,90', tracking: 'BR123456789' } },
  },
  null,
  2,
);

/** Renders the body against the sample event as the person types (the same renderer the workers use). */
export function TemplatePreview({ body, sample, onSampleChange, storeName }: { body: string; sample: string; onSampleChange: (v: string) => void; storeName: string }) {
  const t = useTranslations('templates');
  let output: { ok: true; text: string } | { ok: false; error: string };
  try {
    const event = JSON.parse(sample) as { type?: string; externalId?: string; contact?: RenderContext['contact']; data?: Record<string, unknown> };
    const parsed = parseTemplate(body);
    output = parsed.ok
      ? {
          ok: true,
          text: renderSegments(parsed.segments, {
            contact: event.contact ?? {},
            data: event.data ?? {},
            event: { type: event.type, externalId: event.externalId, occurredAt: new Date().toISOString() },
            store: { name: storeName },
          }),
        }
      : { ok: false, error: t('previewError', { message: `${parsed.error.line}:${parsed.error.column} ${parsed.error.message}` }) };
  } catch {
    output = { ok: false, error: t('sampleInvalid') };
  }
  return (
    <div className="flex flex-col gap-4">
      <section aria-labelledby="preview-title" className="flex flex-col gap-2">
        <h2 id="preview-title" className="text-sm font-medium">
          {t('preview')}
        </h2>
        <p className="text-xs text-muted-foreground">{t('previewHelp')}</p>
        <div
          data-testid="template-preview"
          aria-live="polite"
          className={output.ok ? 'min-h-16 rounded-lg bg-success/10 p-3 text-sm whitespace-pre-wrap break-words' : 'min-h-16 rounded-lg bg-destructive/10 p-3 text-sm text-destructive'}
        >
          {output.ok ? output.text : output.error}
        </div>
      </section>
      <Field id="template-sample" label={t('sample')}>
        <Textarea id="template-sample" className="min-h-48 font-mono text-xs" value={sample} onChange={(e) => onSampleChange(e.target.value)} spellCheck={false} />
      </Field>
    </div>
  );
}
