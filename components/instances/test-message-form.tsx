'use client';

import { Send } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Field } from '@/components/shell/field';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { sendTestMessageAction } from '@/lib/instances/actions';

/** "Enviar mensagem de teste": a message to a typed number, at the end of this instance's queue. */
export function TestMessageForm({ instanceId }: { instanceId: string }) {
  const t = useTranslations('instances');
  const [to, setTo] = useState('');
  const [text, setText] = useState(() => t('testDefault'));
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await sendTestMessageAction({ instanceId, to, text });
          setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
          if (result.ok) {
            toast.success(t('testQueued'));
            setTo('');
          } else if (!result.fieldErrors) toast.error(result.message);
        });
      }}
    >
      <Field id="test-to" label={t('testTo')} help={t('numberHelp')} errors={errors.to}>
        <Input id="test-to" inputMode="tel" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={Boolean(errors.to)} />
      </Field>
      <Field id="test-text" label={t('testText')} errors={errors.text}>
        <Textarea id="test-text" value={text} onChange={(e) => setText(e.target.value)} rows={3} aria-invalid={Boolean(errors.text)} />
      </Field>
      <Button type="submit" disabled={pending} className="self-start">
        <Send aria-hidden /> {t('testSubmit')}
      </Button>
    </form>
  );
}
