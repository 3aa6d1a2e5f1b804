'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** "Total de mensagens enviadas nos últimos 7 dias": one bar per day with its value on top. */
export function SentChart({ days }: { days: { day: string; sent: number }[] }) {
  const t = useTranslations('queue');
  const format = useFormatter();
  const number = (n: unknown) => format.number(Number(n));
  // A day key is a calendar date: read at noon UTC and shown in UTC, so no time zone moves it.
  const data = days.map((d) => ({ ...d, label: format.dateTime(new Date(`${d.day}T12:00:00Z`), { day: '2-digit', month: '2-digit', timeZone: 'UTC' }) }));
  const summary = data.map((d) => t('chartSummary', { day: d.label, count: number(d.sent) })).join(', ');
  return (
    <figure className="flex flex-col gap-2" data-testid="sent-chart">
      <div role="img" aria-label={`${t('chartTitle')}: ${summary}`} className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 24, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} width={44} tickFormatter={number} />
            <Bar dataKey="sent" fill="var(--color-primary)" radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="sent" position="top" fontSize={12} className="fill-foreground" formatter={number} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
