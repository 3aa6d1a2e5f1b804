import { getFormatter, getTranslations } from 'next-intl/server';
import type { TimelineStep } from '@/lib/events/timeline';
import { cn } from '@/lib/utils';

const TONE: Partial<Record<TimelineStep, string>> = { sent: 'bg-success', failed: 'bg-destructive', ignored: 'bg-warning', not_considered: 'bg-muted-foreground' };

/** received → template → queued → sent/failed/ignored, as an ordered list. */
export async function EventTimeline({ steps }: { steps: { step: TimelineStep; at: Date; detail: string | null }[] }) {
  const [t, format] = await Promise.all([getTranslations('events'), getFormatter()]);
  return (
    <ol className="flex flex-col gap-4 border-l pl-5" aria-label={t('timeline')}>
      {steps.map((s, i) => (
        <li key={i} className="relative" data-testid={`step-${s.step}`}>
          <span aria-hidden className={cn('absolute top-1.5 -left-[26px] size-2.5 rounded-full bg-primary', TONE[s.step])} />
          <div className="font-medium">{t(`step.${s.step}`)}</div>
          <div className="text-xs text-muted-foreground">{format.dateTime(s.at, { dateStyle: 'short', timeStyle: 'medium' })}</div>
          {s.detail && <div className="text-sm break-words">{s.detail}</div>}
        </li>
      ))}
    </ol>
  );
}
