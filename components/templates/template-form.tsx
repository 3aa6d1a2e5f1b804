'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { createTemplateAction, updateTemplateAction } from '@/lib/templates/actions';
import { SAMPLE_EVENT, TemplatePreview } from './template-preview';

const ACCOUNT = '__account';
const VARIABLES = ['{{contact.name}}', '{{contact.phone}}', '{{contact.email}}', '{{data.order.id}}', '{{event.type}}', '{{store.name}}'];

export interface TemplateFormValues {
  id?: string;
  name: string;
  storeId: string | null;
  eventType: string;
  body: string;
  active: boolean;
}

/** Create or edit a template, with the live preview beside it; errors from the server show by their fields. */
export function TemplateForm({ initial, stores, eventTypes, readOnly = false }: { initial: TemplateFormValues; stores: { id: string; name: string }[]; eventTypes: string[]; readOnly?: boolean }) {
  const t = useTranslations('templates');
  const router = useRouter();
  const [state, action, pending] = useActionState(initial.id ? updateTemplateAction : createTemplateAction, null);
  const [values, setValues] = useState({ ...initial, storeId: initial.storeId ?? ACCOUNT });
  const [sample, setSample] = useState(SAMPLE_EVENT);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (state?.ok) {
      toast.success(t('saved'));
      router.push('/templates');
    } else if (state && !state.fieldErrors) toast.error(state.message);
  }, [state, t, router]);

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const storeName = stores.find((s) => s.id === values.storeId)?.name ?? stores[0]?.name ?? 'Loja';
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form action={action} className="flex flex-col gap-4" noValidate>
        <fieldset disabled={readOnly} className="contents">
        {initial.id && <input type="hidden" name="templateId" value={initial.id} />}
        <input type="hidden" name="storeId" value={values.storeId === ACCOUNT ? '' : values.storeId} />
        <input type="hidden" name="active" value={values.active ? 'on' : ''} />
        <Field id="template-name" label={t('name')} errors={errors?.name}>
          <Input id="template-name" name="name" value={values.name} onChange={(e) => set('name', e.target.value)} aria-invalid={Boolean(errors?.name)} />
        </Field>
        <Field id="template-store" label={t('store')} errors={errors?.storeId}>
          <Select value={values.storeId} onValueChange={(v) => set('storeId', v)}>
            <SelectTrigger id="template-store" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ACCOUNT}>{t('allStores')}</SelectItem>
              {stores.map((s) => (
                <SelectItem key={s.id} value={s.id}>
                  {s.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </Field>
        <Field id="template-type" label={t('eventType')} help={t('eventTypeHelp')} errors={errors?.eventType}>
          <Input id="template-type" name="eventType" list="template-types" value={values.eventType} onChange={(e) => set('eventType', e.target.value)} aria-invalid={Boolean(errors?.eventType)} />
          <datalist id="template-types">
            {eventTypes.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </Field>
        <Field id="template-body" label={t('body')} errors={errors?.body}>
          <Textarea id="template-body" name="body" className="min-h-40" value={values.body} onChange={(e) => set('body', e.target.value)} aria-invalid={Boolean(errors?.body)} />
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <span>{t('bodyHelp')}</span>
            {VARIABLES.map((v) => (
              <button key={v} type="button" className="rounded bg-muted px-1.5 py-0.5 font-mono hover:bg-accent" onClick={() => set('body', `${values.body}${v}`)}>
                {v}
              </button>
            ))}
          </div>
        </Field>
        <div className="flex items-center gap-3">
          <Switch id="template-active" checked={values.active} onCheckedChange={(c) => set('active', c)} aria-describedby="template-active-help" />
          <div className="text-sm">
            <label htmlFor="template-active">{t('active')}</label>
            <p id="template-active-help" className="text-xs text-muted-foreground">
              {t('activeHelp')}
            </p>
          </div>
        </div>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          {!readOnly && (
            <Button type="submit" disabled={pending}>
              {t('save')}
            </Button>
          )}
          <Button type="button" variant="outline" onClick={() => router.push('/templates')}>
            {t('cancel')}
          </Button>
        </div>
      </form>
      <TemplatePreview body={values.body} sample={sample} onSampleChange={setSample} storeName={storeName} />
    </div>
  );
}
