'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { shortDay } from './format';

/** "Total de mensagens enviadas nos últimos 7 dias": one bar per day with its value on top. */
export function SentChart({ days }: { days: { day: string; sent: number }[] }) {
  const t = useTranslations('queue');
  const data = days.map((d) => ({ ...d, label: shortDay(d.day) }));
  const summary = data.map((d) => t('chartSummary', { day: d.label, count: d.sent })).join(', ');
  return (
    <figure className="flex flex-col gap-2" data-testid="sent-chart">
      <div role="img" aria-label={`${t('chartTitle')}: ${summary}`} className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 24, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} width={44} />
            <Bar dataKey="sent" fill="var(--color-primary)" radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="sent" position="top" fontSize={12} className="fill-foreground" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
