'use client';

import { Pencil, Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { FormState } from '@/lib/auth/action';
import { createDestinationAction, updateDestinationAction } from '@/lib/conversions/actions';
import { DESTINATION_KINDS, type DestinationKind } from '@/lib/conversions/schemas';

export interface DestinationItem {
  id: string;
  kind: DestinationKind;
  name: string;
  config: Record<string, unknown>;
  mappings: { storeEventType: string; eventName: string }[];
  active: boolean;
  maskedSecret: string | null;
}

/** "Adicionar destino" (no destination) or "Editar" (one): kind-specific fields with their zod errors. */
export function DestinationDialog({ storeId, destination }: { storeId: string; destination?: DestinationItem }) {
  const t = useTranslations('conversions.destinations');
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={destination ? 'outline' : 'default'} size="sm" aria-label={destination ? t('editLabel', { name: destination.name }) : undefined}>
          {destination ? <Pencil aria-hidden /> : <Plus aria-hidden />} {destination ? t('edit') : t('add')}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{destination ? t('editTitle') : t('addTitle')}</DialogTitle>
          <DialogDescription>{t('help')}</DialogDescription>
        </DialogHeader>
        {open && <DestinationForm storeId={storeId} destination={destination} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function DestinationForm({ storeId, destination, onDone }: { storeId: string; destination?: DestinationItem; onDone: () => void }) {
  const t = useTranslations('conversions.destinations');
  const [kind, setKind] = useState<DestinationKind>(destination?.kind ?? 'meta');
  const [state, dispatch, pending] = useActionState<FormState, FormData>(destination ? updateDestinationAction : createDestinationAction, null);
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(destination ? t('saved') : t('created'));
      onDone();
    } else if (!state.fieldErrors) toast.error(state.message);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps -- once per answer
  const errors = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  const config = destination?.config ?? {};
  const text = (name: string, label: string, opts: { defaultValue?: string; help?: string; type?: string } = {}) => (
    <Field id={`dest-${name}`} label={label} help={opts.help} errors={errors(name)}>
      <Input id={`dest-${name}`} name={name} type={opts.type ?? 'text'} defaultValue={opts.defaultValue ?? ''} autoComplete="off" aria-invalid={Boolean(errors(name))} />
    </Field>
  );
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const keep = destination?.maskedSecret ? (kind === 'meta' ? t('accessTokenKeep', { masked: destination.maskedSecret }) : t('secretKeep', { masked: destination.maskedSecret })) : undefined;
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="storeId" value={storeId} />
      <input type="hidden" name="kind" value={kind} />
      {destination && <input type="hidden" name="destinationId" value={destination.id} />}
      <Field id="dest-kind" label={t('kind')}>
        <Select value={kind} onValueChange={(v) => setKind(v as DestinationKind)} disabled={Boolean(destination)}>
          <SelectTrigger id="dest-kind" className="w-full" aria-label={t('kind')}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {DESTINATION_KINDS.map((k) => (
              <SelectItem key={k} value={k}>
                {t(`kinds.${k}`)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      {text('name', t('name'), { defaultValue: destination?.name ?? t(`kinds.${kind}`) })}
      {kind === 'meta' && (
        <>
          {text('pixelId', t('pixelId'), { defaultValue: str(config.pixelId) })}
          {text('secret', t('accessToken'), { type: 'password', help: keep })}
          {text('testEventCode', t('testEventCode'), { defaultValue: str(config.testEventCode) })}
          {text('graphBaseUrl', t('graphBaseUrl'), { defaultValue: str(config.graphBaseUrl) || 'https://graph.facebook.com' })}
          {text('graphVersion', t('graphVersion'), { defaultValue: str(config.graphVersion) || 'v21.0' })}
        </>
      )}
      {kind === 'http' && (
        <>
          {text('url', t('url'), { defaultValue: str(config.url), type: 'url' })}
          {text('secret', t('secret'), { type: 'password', help: keep })}
        </>
      )}
      {kind === 'sandbox' && (
        <Field id="dest-mode" label={t('mode')}>
          <select id="dest-mode" name="mode" defaultValue={str(config.mode) || 'success'} className="h-9 rounded-md border border-input bg-transparent px-3 text-sm">
            {(['success', 'transient', 'permanent'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`modes.${m}`)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="dest-mappings" label={t('mappings')} help={t('mappingsHelp')} errors={errors('mappings')}>
        <Textarea
          id="dest-mappings"
          name="mappings"
          rows={3}
          defaultValue={(destination?.mappings ?? (destination ? [] : [{ storeEventType: 'order.paid', eventName: 'Purchase' }])).map((m) => `${m.storeEventType} = ${m.eventName}`).join('\n')}
          aria-invalid={Boolean(errors('mappings'))}
        />
      </Field>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </DialogFooter>
    </form>
  );
}
