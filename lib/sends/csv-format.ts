import type { Options } from 'csv-parse';

/**
 * How an audience CSV is read: the server's streaming import and the browser's preview use the
 * same options, so the preview shows the columns the import will see.
 */
export const AUDIENCE_CSV_OPTIONS = {
  bom: true,
  delimiter: [',', ';'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
} satisfies Options;

/** Header names (lower case) read as the phone column, and as the name column. */
export const PHONE_COLUMNS = ['telefone', 'phone', 'celular', 'whatsapp', 'numero', 'número', 'fone', 'mobile'];
export const NAME_COLUMNS = ['nome', 'name'];
