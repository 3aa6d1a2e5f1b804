import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type Info } from 'csv-parse';
import parsePhoneNumberFromString, { type CountryCode } from 'libphonenumber-js/min';
import { getSql } from '@/db/client';
import { logger } from '@/lib/logger';
import { AUDIENCE_CSV_OPTIONS, NAME_COLUMNS, PHONE_COLUMNS } from './csv-format';

/** Most rows a CSV audience may have (SPEC §5). */
export const MAX_AUDIENCE_ROWS = 1_000_000;
const DEFAULT_COUNTRY: CountryCode = 'BR';

export interface AudienceSummary {
  valid: number;
  invalid: number;
  duplicates: number;
  columns: string[];
}

export class AudienceFileError extends Error {}

interface Layout {
  columns: string[];
  phone: number;
  name: number;
}

// Brazilian mobiles, the bulk of an audience: area codes and "9 + 8 digits" as libphonenumber's BR
// mobile pattern has them. A match is answered without the (≈15 µs) full parse; everything else
// goes through libphonenumber. A property test checks both agree.
const BR_MOBILE = /^(?:\+?55)?0?((?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])9\d{8})$/;
const SEPARATORS = /[\s().-]/g;

/** E.164 for a Brazilian or international number, or the reason it is not one. */
export function normalizePhone(raw: string): { phone: string } | { error: string } {
  const text = raw.trim();
  if (!text) return { error: 'Telefone vazio' };
  const fast = BR_MOBILE.exec(text.replace(SEPARATORS, ''));
  if (fast) return { phone: `+55${fast[1]}` };
  const parsed = parsePhoneNumberFromString(text, DEFAULT_COUNTRY);
  if (!parsed || !parsed.isValid()) return { error: `Telefone inválido: ${text.slice(0, 40)}` };
  return { phone: parsed.number };
}

function layoutOf(header: string[]): Layout {
  const columns = header.map((h) => h.trim().toLowerCase());
  const phone = columns.findIndex((c) => PHONE_COLUMNS.includes(c));
  if (phone < 0) throw new AudienceFileError(`Coluna de telefone não encontrada no cabeçalho (use uma destas: ${PHONE_COLUMNS.join(', ')}).`);
  return { columns, phone, name: columns.findIndex((c) => NAME_COLUMNS.includes(c)) };
}

// COPY … FROM STDIN text format: \N is NULL; backslash, tab and line breaks are escaped.
function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function copyLine(fields: (string | number | null)[]): string {
  return fields.map(copyField).join('\t') + '\n';
}

/**
 * Turns parsed records into staging rows (line_no, phone, name, vars, error, raw). The header is
 * line 1; every later line is either a candidate recipient or an error with its reason.
 */
function toStagingRows(onLayout: (l: Layout) => void) {
  let layout: Layout | null = null;
  let rows = 0;
  return new Transform({
    writableObjectMode: true,
    transform(chunk: { record: string[]; info: Info; raw: string }, _enc, done) {
      const { record, info } = chunk;
      const raw = chunk.raw.replace(/[\r\n]+$/, '');
      // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
      const line = info.lines - (raw.match(/\n/g)?.length ?? 0);
      try {
        if (!layout) {
          layout = layoutOf(record);
          onLayout(layout);
          return done();
        }
        if (++rows > MAX_AUDIENCE_ROWS) throw new AudienceFileError(`O arquivo tem mais de ${MAX_AUDIENCE_ROWS.toLocaleString('pt-BR')} linhas.`);
        if (record.length !== layout.columns.length) {
          return done(null, copyLine([line, null, null, null, `Esperadas ${layout.columns.length} colunas, encontradas ${record.length}`, raw]));
        }
        const phone = normalizePhone(record[layout.phone] ?? '');
        if ('error' in phone) return done(null, copyLine([line, null, null, null, phone.error, raw]));
        let vars: Record<string, string> | null = null;
        for (let i = 0; i < record.length; i++) {
          if (i === layout.phone || i === layout.name) continue;
          (vars ??= {})[layout.columns[i]!] = record[i]!;
        }
        const name = layout.name >= 0 ? record[layout.name]!.trim() || null : null;
        done(null, copyLine([line, phone.phone, name, vars && JSON.stringify(vars), null, null]));
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

/**
 * Streams a CSV (never held whole in memory) into a temporary staging table with COPY, then, in
 * the same transaction: invalid lines into the error report, and the first occurrence of each phone
 * into the audience, numbered 1..n in file order. Replaces any previous audience of the configuration.
 */
export async function importAudience(configId: string, source: Readable, fileName: string | null): Promise<AudienceSummary> {
  const sql = getSql();
  await sql`UPDATE send_configs SET audience_state = 'importing', audience_error = NULL WHERE id = ${configId}`;
  let layout: Layout | null = null;
  try {
    const summary = await sql.begin(async (tx) => {
      await tx`DELETE FROM send_recipients WHERE config_id = ${configId}`;
      await tx`DELETE FROM send_audience_errors WHERE config_id = ${configId}`;
      await tx`CREATE TEMP TABLE send_audience_stage (line_no int, phone text, name text, vars jsonb, error text, raw text) ON COMMIT DROP`;
      const copy = await tx`COPY send_audience_stage (line_no, phone, name, vars, error, raw) FROM STDIN`.writable();
      const parser = parse({ ...AUDIENCE_CSV_OPTIONS, info: true, raw: true });
      await pipeline(source, parser, toStagingRows((l) => (layout = l)), copy);
      if (!layout) throw new AudienceFileError('O arquivo está vazio.');
      const [counts] = await tx<{ valid: number; invalid: number; candidates: number }[]>`
        WITH errors AS (
          INSERT INTO send_audience_errors (config_id, line_no, reason, raw)
          SELECT ${configId}, line_no, error, raw FROM send_audience_stage WHERE error IS NOT NULL
          RETURNING 1
        ),
        kept AS (
          SELECT DISTINCT ON (phone) line_no, phone, name, vars FROM send_audience_stage
          WHERE error IS NULL ORDER BY phone, line_no
        ),
        recipients AS (
          INSERT INTO send_recipients (config_id, position, line_no, phone, name, vars)
          SELECT ${configId}, row_number() OVER (ORDER BY line_no), line_no, phone, name, vars FROM kept
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM recipients)::int AS valid, (SELECT count(*) FROM errors)::int AS invalid,
               (SELECT count(*) FROM send_audience_stage WHERE error IS NULL)::int AS candidates`;
      const result: AudienceSummary = {
        valid: counts!.valid,
        invalid: counts!.invalid,
        duplicates: counts!.candidates - counts!.valid,
        columns: (layout as Layout).columns,
      };
      await tx`
        UPDATE send_configs SET audience_state = 'ready', audience_file_name = ${fileName}, audience_columns = ${result.columns},
          audience_valid = ${result.valid}, audience_invalid = ${result.invalid}, audience_duplicates = ${result.duplicates}
        WHERE id = ${configId}`;
      return result;
    });
    return summary;
  } catch (e) {
    const message = e instanceof AudienceFileError ? e.message : 'Não foi possível ler o arquivo CSV.';
    if (!(e instanceof AudienceFileError)) logger.warn({ err: e, configId }, 'audience import failed');
    await sql`
      UPDATE send_configs SET audience_state = 'failed', audience_error = ${message} WHERE id = ${configId}`;
    throw new AudienceFileError(message);
  }
}
