'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { DialogFooter } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { saveInstanceAction } from '@/lib/instances/actions';
import { PROVIDER_KINDS, type ProviderKind } from '@/lib/providers/types';

/** What the form starts from: blank for "Nova instância", the instance's values for "Editar". */
export interface InstanceFormValues {
  id?: string;
  name: string;
  phoneNumber: string;
  provider: ProviderKind;
  providerConfig: Record<string, unknown>;
  sendIntervalMs: number;
  dailyLimit: number | null;
  secretMasked: string | null;
  storeIds: string[];
}

export const BLANK_INSTANCE: InstanceFormValues = {
  name: '',
  phoneNumber: '',
  provider: 'sandbox',
  providerConfig: { latencyMs: 300, failureRate: 0, receiptDelayMs: 2000 },
  sendIntervalMs: 3000,
  dailyLimit: null,
  secretMasked: null,
  storeIds: [],
};

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function InstanceForm({ values, stores, onSaved }: { values: InstanceFormValues; stores: { id: string; name: string }[]; onSaved: () => void }) {
  const t = useTranslations('instances');
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(saveInstanceAction, null);
  const [provider, setProvider] = useState<ProviderKind>(values.provider);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const config = provider === values.provider ? values.providerConfig : {};
  const editing = Boolean(values.id);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(editing ? t('saved') : t('created'));
      onSaved();
      if (!editing) router.push(`/instances/${(state.data as { id: string }).id}`);
    } else if (!state.fieldErrors) toast.error(state.message);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per answer

  const field = (name: string) => ({ id: `instance-${name}`, errors: errors?.[name] });
  const input = (name: string, defaultValue: string, extra: React.ComponentProps<typeof Input> = {}) => (
    <Input id={`instance-${name}`} name={name} defaultValue={defaultValue} aria-invalid={Boolean(errors?.[name])} aria-describedby={errors?.[name] ? `instance-${name}-error` : undefined} {...extra} />
  );

  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      // Dispatched by hand so React does not reset the fields when the server answers with errors.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {values.id && <input type="hidden" name="instanceId" value={values.id} />}
      <Field {...field('name')} label={t('name')}>
        {input('name', values.name, { autoComplete: 'off' })}
      </Field>
      <Field {...field('phoneNumber')} label={t('number')} help={t('numberHelp')}>
        {input('phoneNumber', values.phoneNumber, { inputMode: 'tel', autoComplete: 'off' })}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field('intervalSeconds')} label={t('intervalSeconds')} help={t('intervalHelp')}>
          {input('intervalSeconds', String(values.sendIntervalMs / 1000).replace('.', ','), { inputMode: 'decimal' })}
        </Field>
        <Field {...field('dailyLimit')} label={t('dailyLimit')} help={t('dailyLimitHelp')}>
          {input('dailyLimit', str(values.dailyLimit), { inputMode: 'numeric' })}
        </Field>
      </div>
      <Field {...field('provider')} label={t('provider')}>
        <Select name="provider" value={provider} onValueChange={(v) => setProvider(v as ProviderKind)}>
          <SelectTrigger id="instance-provider" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {PROVIDER_KINDS.map((p) => (
              <SelectItem key={p} value={p}>
                {t(`providers.${p}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      {provider === 'sandbox' && (
        <div className="grid gap-4 sm:grid-cols-2" key="sandbox">
          <Field {...field('latencyMs')} label={t('latencyMs')}>
            {input('latencyMs', str(config.latencyMs ?? 300), { inputMode: 'numeric' })}
          </Field>
          <Field {...field('failureRatePercent')} label={t('failureRatePercent')}>
            {input('failureRatePercent', str(Math.round(Number(config.failureRate ?? 0) * 1000) / 10), { inputMode: 'decimal' })}
          </Field>
          <div className="flex items-center gap-2 sm:col-span-2">
            <Checkbox id="instance-receipts" name="receipts" defaultChecked={config.receiptDelayMs !== null} />
            <Label htmlFor="instance-receipts">{t('receipts')}</Label>
          </div>
        </div>
      )}
      {provider === 'whatsapp_cloud' && (
        <div className="flex flex-col gap-4" key="whatsapp_cloud">
          <Field {...field('phoneNumberId')} label={t('phoneNumberId')}>
            {input('phoneNumberId', str(config.phoneNumberId), { inputMode: 'numeric' })}
          </Field>
          <Field {...field('baseUrl')} label={t('baseUrl')} help={t('baseUrlHelp')}>
            {input('baseUrl', str(config.baseUrl), { type: 'url' })}
          </Field>
        </div>
      )}
      {provider === 'http' && (
        <Field {...field('url')} label={t('url')} key="http">
          {input('url', str(config.url), { type: 'url' })}
        </Field>
      )}
      {provider !== 'sandbox' && (
        <Field
          {...field('secret')}
          label={provider === 'http' ? t('signingSecret') : t('token')}
          help={values.secretMasked && provider === values.provider ? t('secretKeep', { masked: values.secretMasked }) : undefined}
        >
          {input('secret', '', { type: 'password', autoComplete: 'new-password' })}
        </Field>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">{t('stores')}</legend>
        {stores.length === 0 && <p className="text-sm text-muted-foreground">{t('noStores')}</p>}
        {stores.map((s) => (
          <div key={s.id} className="flex items-center gap-2">
            <Checkbox id={`instance-store-${s.id}`} name="storeIds" value={s.id} defaultChecked={values.storeIds.includes(s.id)} />
            <Label htmlFor={`instance-store-${s.id}`}>{s.name}</Label>
          </div>
        ))}
        <p className="text-xs text-muted-foreground">{t('storesHelp')}</p>
      </fieldset>
      {state && !state.ok && state.fieldErrors && <p className="text-sm text-destructive">{state.message}</p>}
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {editing ? t('save') : t('create')}
        </Button>
      </DialogFooter>
    </form>
  );
}
