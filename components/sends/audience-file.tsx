'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/components/shell/field';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { renderText } from '@/lib/sends/render';

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;
const PHONE_COLUMNS = ['telefone', 'phone', 'celular', 'whatsapp', 'numero', 'número', 'fone', 'mobile'];

export interface AudienceSummary {
  valid: number;
  invalid: number;
  duplicates: number;
}

/** Splits one CSV line (quotes, `,` or `;`) — enough for a preview; the server parses the real thing. */
function cells(line: string): string[] {
  const delimiter = line.split(';').length > line.split(',').length ? ';' : ',';
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') (cur += '"'), i++;
      else quoted = !quoted;
    } else if (ch === delimiter && !quoted) out.push(cur), (cur = '');
    else cur += ch;
  }
  return [...out, cur];
}

/** Sends the file as the raw request body: the browser streams it and the server parses it as it arrives. */
export async function uploadAudience(configId: string, file: File): Promise<{ ok: true; data: AudienceSummary } | { ok: false; message: string }> {
  const res = await fetch(`/sends/${configId}/audience`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(file.name) },
  });
  return res.json().catch(() => ({ ok: false as const, message: res.statusText }));
}

/**
 * The CSV picker with a preview of the first lines (read from the first 64 KB only, never the
 * whole file) and of the message rendered for them.
 */
export function AudienceFileInput({ id, body, onFile, errors }: { id: string; body: string; onFile(file: File | null): void; errors?: string[] }) {
  const t = useTranslations('sends.form');
  const [rows, setRows] = useState<string[][] | null>(null);
  const pick = async (file: File | null) => {
    onFile(file);
    if (!file) return setRows(null);
    const head = await file.slice(0, PREVIEW_BYTES).text();
    setRows(
      head
        .split(/\r?\n/)
        .filter(Boolean)
        .slice(0, PREVIEW_ROWS + 1)
        .map(cells),
    );
  };
  const header = rows?.[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const phoneAt = header.findIndex((h) => PHONE_COLUMNS.includes(h));
  const nameAt = header.findIndex((h) => h === 'nome' || h === 'name');
  return (
    <div className="flex flex-col gap-3">
      <Field id={id} label={t('audience')} help={t('audienceHelp')} errors={errors}>
        <Input id={id} type="file" accept=".csv,text/csv" onChange={(e) => pick(e.target.files?.[0] ?? null)} />
      </Field>
      {rows && rows.length > 1 && (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">{t('preview')}</h3>
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  {rows[0]!.map((h, i) => (
                    <TableHead key={i}>{h}</TableHead>
                  ))}
                  {body && <TableHead>{t('previewMessage')}</TableHead>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.slice(1).map((r, i) => (
                  <TableRow key={i}>
                    {r.map((c, j) => (
                      <TableCell key={j}>{c}</TableCell>
                    ))}
                    {body && (
                      <TableCell className="min-w-48 whitespace-normal">
                        {renderText(body, {
                          phone: r[phoneAt] ?? '',
                          name: nameAt >= 0 ? (r[nameAt] ?? null) : null,
                          vars: Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])),
                        })}
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      )}
    </div>
  );
}
