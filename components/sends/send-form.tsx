'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { createConfigAction } from '@/lib/sends/actions';
import type { ConfigInput } from '@/lib/sends/schemas';
import { AudienceFileInput, uploadAudience } from './audience-file';

type Kind = ConfigInput['scheduleKind'];
const KINDS: Kind[] = ['now', 'at', 'daily', 'weekly', 'cron'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

interface Options {
  stores: { id: string; name: string }[];
  instances: { id: string; name: string; status: string }[];
  timeZone: string;
  templates: { id: string; name: string; body: string }[];
}

/** "Nova configuração": creates the draft, then streams the CSV audience to it, then opens it. */
export function SendForm({ options }: { options: Options }) {
  const t = useTranslations('sends.form');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [phase, setPhase] = useState<'idle' | 'uploading'>('idle');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [name, setName] = useState('');
  const [storeId, setStoreId] = useState('');
  const [body, setBody] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [instanceIds, setInstanceIds] = useState<string[]>([]);
  const [kind, setKind] = useState<Kind>('now');
  const [scheduleAt, setScheduleAt] = useState('');
  const [scheduleTime, setScheduleTime] = useState('09:00');
  const [weekdays, setWeekdays] = useState<number[]>([1]);
  const [cron, setCron] = useState('0 9 * * 1-5');
  const [validityHours, setValidityHours] = useState('24');
  const tz = { timeZone: options.timeZone };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await createConfigAction({
        name,
        storeId,
        body,
        templateId,
        instanceIds,
        scheduleKind: kind,
        scheduleAt: kind === 'at' ? scheduleAt : undefined,
        scheduleTime: kind === 'daily' || kind === 'weekly' ? scheduleTime : undefined,
        scheduleWeekdays: kind === 'weekly' ? weekdays : [],
        scheduleCron: kind === 'cron' ? cron : undefined,
        validityHours,
      });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        toast.error(result.message);
        return;
      }
      setErrors({});
      toast.success(t('created'));
      if (file) {
        setPhase('uploading');
        const imported = await uploadAudience(result.data.id, file);
        if (imported.ok) toast.success(t('imported', { ...imported.data }));
        else toast.error(imported.message);
      }
      router.push(`/sends/${result.data.id}`);
    });
  };

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <form onSubmit={submit} className="flex max-w-3xl flex-col gap-6" noValidate>
      <Field id="send-name" label={t('name')} errors={errors.name}>
        <Input id="send-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(errors.name)} maxLength={120} />
      </Field>
      <Field id="send-store" label={t('store')} errors={errors.storeId}>
        <Select value={storeId} onValueChange={setStoreId}>
          <SelectTrigger id="send-store" className="w-full sm:w-80" aria-invalid={Boolean(errors.storeId)}>
            <SelectValue placeholder={t('storePlaceholder')} />
          </SelectTrigger>
          <SelectContent>
            {options.stores.map((s) => (
              <SelectItem key={s.id} value={s.id}>
                {s.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      {options.templates.length > 0 && (
        <Field id="send-template" label={t('template')} help={t('templateHelp')}>
          <Select
            value={templateId}
            onValueChange={(id) => {
              setTemplateId(id);
              setBody(options.templates.find((tpl) => tpl.id === id)?.body ?? body);
            }}
          >
            <SelectTrigger id="send-template" className="w-full sm:w-80">
              <SelectValue placeholder={t('templatePlaceholder')} />
            </SelectTrigger>
            <SelectContent>
              {options.templates.map((tpl) => (
                <SelectItem key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </Field>
      )}
      <Field id="send-body" label={t('text')} help={t('textHelp', { placeholders: '{{nome}}, {{cupom}}' })} errors={errors.body}>
        <Textarea id="send-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} aria-invalid={Boolean(errors.body)} />
      </Field>
      <AudienceFileInput id="send-audience" body={body} onFile={setFile} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium">{t('instances')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {options.instances.map((i) => (
            <div key={i.id} className="flex items-center gap-2">
              <Checkbox id={`send-instance-${i.id}`} checked={instanceIds.includes(i.id)} onCheckedChange={(on) => setInstanceIds((l) => toggle(l, i.id, on === true))} />
              <Label htmlFor={`send-instance-${i.id}`} className="font-normal">
                {i.name}
              </Label>
            </div>
          ))}
        </div>
        <p className="text-xs text-muted-foreground">{t('instancesHelp')}</p>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-sm font-medium">{t('schedule')}</legend>
        <Select value={kind} onValueChange={(v) => setKind(v as Kind)}>
          <SelectTrigger className="w-full sm:w-80" aria-label={t('schedule')}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {KINDS.map((k) => (
              <SelectItem key={k} value={k}>
                {t(`scheduleKind.${k}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {kind === 'at' && (
          <Field id="send-at" label={t('at', tz)} errors={errors.scheduleAt}>
            <Input id="send-at" type="datetime-local" className="sm:w-80" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} aria-invalid={Boolean(errors.scheduleAt)} />
          </Field>
        )}
        {(kind === 'daily' || kind === 'weekly') && (
          <Field id="send-time" label={t('time', tz)} errors={errors.scheduleTime}>
            <Input id="send-time" type="time" className="sm:w-40" value={scheduleTime} onChange={(e) => setScheduleTime(e.target.value)} aria-invalid={Boolean(errors.scheduleTime)} />
          </Field>
        )}
        {kind === 'weekly' && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm">{t('weekdays')}</legend>
            <div className="flex flex-wrap gap-3">
              {WEEKDAYS.map((d) => (
                <div key={d} className="flex items-center gap-1.5">
                  <Checkbox id={`send-day-${d}`} checked={weekdays.includes(d)} onCheckedChange={(on) => setWeekdays((l) => toggle(l, d, on === true))} />
                  <WeekdayLabel day={d} />
                </div>
              ))}
            </div>
            {errors.scheduleWeekdays?.map((m) => (
              <p key={m} className="text-sm text-destructive">
                {m}
              </p>
            ))}
          </fieldset>
        )}
        {kind === 'cron' && (
          <Field id="send-cron" label={t('cron', tz)} help={t('cronHelp')} errors={errors.scheduleCron}>
            <Input id="send-cron" className="font-mono sm:w-80" value={cron} onChange={(e) => setCron(e.target.value)} aria-invalid={Boolean(errors.scheduleCron)} />
          </Field>
        )}
      </fieldset>
      <Field id="send-validity" label={t('validity')} help={t('validityHelp')} errors={errors.validityHours}>
        <Input id="send-validity" type="number" min={1} max={720} className="sm:w-40" value={validityHours} onChange={(e) => setValidityHours(e.target.value)} />
      </Field>
      <Button type="submit" disabled={pending} className="self-start">
        {phase === 'uploading' ? t('uploading') : t('submit')}
      </Button>
    </form>
  );
}

function WeekdayLabel({ day }: { day: number }) {
  const t = useTranslations('sends');
  return (
    <Label htmlFor={`send-day-${day}`} className="font-normal">
      {t(`weekday.${day}` as 'weekday.0')}
    </Label>
  );
}
