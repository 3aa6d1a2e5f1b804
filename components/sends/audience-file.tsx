'use client';

import { parse } from 'csv-parse/browser/esm/sync';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/components/shell/field';
import { FilePicker } from '@/components/ui/file-picker';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { AUDIENCE_CSV_OPTIONS, NAME_COLUMNS, PHONE_COLUMNS } from '@/lib/sends/csv-format';
import { renderText } from '@/lib/sends/render';

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;

export interface AudienceSummary {
  valid: number;
  invalid: number;
  duplicates: number;
}

/** The header and first rows of a file, read from its first 64 KB only (never the whole file). */
async function previewRows(file: File): Promise<string[][]> {
  const head = await file.slice(0, PREVIEW_BYTES).text();
  // A slice of a larger file may end inside a line: keep only whole lines.
  const whole = file.size > PREVIEW_BYTES ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  return parse(whole, { ...AUDIENCE_CSV_OPTIONS, to_line: PREVIEW_ROWS + 1 }) as string[][];
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
    // A file the preview cannot read is still uploaded: the import reports its lines.
    setRows(file ? await previewRows(file).catch(() => null) : null);
  };
  const header = rows?.[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const phoneAt = header.findIndex((h) => PHONE_COLUMNS.includes(h));
  const nameAt = header.findIndex((h) => NAME_COLUMNS.includes(h));
  return (
    <div className="flex flex-col gap-3">
      <Field id={id} label={t('audience')} help={t('audienceHelp')} errors={errors}>
        <FilePicker id={id} accept=".csv,text/csv" chooseLabel={t('chooseFile')} emptyLabel={t('noFile')} onFile={pick} />
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
