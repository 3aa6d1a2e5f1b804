import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSql } from '@/db/client';
import { parse } from 'csv-parse/sync';
import type { Actor, Role } from '@/lib/auth/permissions';
import { AudienceFileError, importAudience } from '@/lib/sends/audience';
import { audienceErrorLines } from '@/lib/sends/queries';
import { createConfig } from '@/lib/sends/service';
import { createTenant } from '../../support/factories';
import { createStoreWithInstances } from '../../support/sends-factories';

let configId: string;
let actors: Record<Role, Actor>;

beforeAll(async () => {
  ({ actors } = await createTenant());
  const { storeId } = await createStoreWithInstances(actors.owner.accountId);
  ({ id: configId } = await createConfig(actors.editor, { name: 'Audiência', storeId, body: 'Oi {{nome}}', scheduleKind: 'now' }));
});

/** Feeds the CSV in small chunks, as an upload arrives. */
function chunked(text: string, size = 7): Readable {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return Readable.from(parts);
}

describe('CSV audience import', () => {
  it('keeps valid phones in E.164 in file order, drops duplicates and reports every bad line with its number and reason', async () => {
    const csv = [
      'Nome;Telefone;Cupom', // line 1, semicolons, header in any case
      'Ana;(11) 98765-4321;A1', // 2
      'Bruno;12345;B2', // 3 invalid
      'Carla;;C3', // 4 empty
      'Ana de novo;+55 11 98765-4321;A9', // 5 duplicate of line 2
      'Davi;21 99876-5432', // 6 wrong column count
      '"Eva, a ""primeira""";+1 415 555 2671;"E\n5"', // 7-8: quoted, with a line break inside
      'Fábio;11 91234-5678;F6', // 9
    ].join('\r\n');
    const summary = await importAudience(configId, chunked(csv), 'lista.csv');
    expect(summary).toEqual({ valid: 3, invalid: 3, duplicates: 1, columns: ['nome', 'telefone', 'cupom'] });
    const sql = getSql();
    const recipients = await sql`SELECT position, line_no AS "lineNo", phone, name, vars FROM send_recipients WHERE config_id = ${configId} ORDER BY position`;
    expect(recipients).toEqual([
      { position: 1, lineNo: 2, phone: '+5511987654321', name: 'Ana', vars: { cupom: 'A1' } },
      { position: 2, lineNo: 7, phone: '+14155552671', name: 'Eva, a "primeira"', vars: { cupom: 'E\n5' } },
      { position: 3, lineNo: 9, phone: '+5511912345678', name: 'Fábio', vars: { cupom: 'F6' } },
    ]);
    const errors = await sql`SELECT line_no AS "lineNo", reason, raw FROM send_audience_errors WHERE config_id = ${configId} ORDER BY line_no`;
    expect(errors).toEqual([
      { lineNo: 3, reason: 'Telefone inválido: 12345', raw: 'Bruno;12345;B2' },
      { lineNo: 4, reason: 'Telefone vazio', raw: 'Carla;;C3' },
      { lineNo: 6, reason: 'Esperadas 3 colunas, encontradas 2', raw: 'Davi;21 99876-5432' },
    ]);
    const [config] = await sql`SELECT audience_state AS state, audience_valid AS valid, audience_invalid AS invalid, audience_duplicates AS duplicates, audience_file_name AS file FROM send_configs WHERE id = ${configId}`;
    expect(config).toEqual({ state: 'ready', valid: 3, invalid: 3, duplicates: 1, file: 'lista.csv' });
  });

  it('"Baixar relatório de erros" is a CSV that gives back each bad line as it was, for the tenant only', async () => {
    await importAudience(configId, Readable.from(['nome,telefone\n"Bia ""B"", a, b",123\n']), 'aspas.csv');
    let text = '';
    for await (const chunk of audienceErrorLines(actors.viewer, configId)) text += chunk;
    expect(parse(text)).toEqual([
      ['linha', 'motivo', 'conteudo'],
      ['2', 'Telefone inválido: 123', '"Bia ""B"", a, b",123'],
    ]);
    const stranger = (await createTenant()).actors.owner;
    await expect(audienceErrorLines(stranger, configId).next()).rejects.toMatchObject({ status: 404 });
  });

  it('a new upload replaces the audience and its error report', async () => {
    const summary = await importAudience(configId, Readable.from(['phone,name\n11987654321,Zé\n']), 'nova.csv');
    expect(summary).toMatchObject({ valid: 1, invalid: 0, duplicates: 0 });
    const [{ n }] = await getSql()`SELECT count(*)::int AS n FROM send_audience_errors WHERE config_id = ${configId}`;
    expect(n).toBe(0);
  });

  it('refuses a file without a phone column or without any line, keeping the audience it had', async () => {
    await expect(importAudience(configId, Readable.from(['nome,email\nAna,a@x.com\n']), 'x.csv')).rejects.toThrow(/Coluna de telefone não encontrada/);
    await expect(importAudience(configId, Readable.from(['']), 'vazio.csv')).rejects.toBeInstanceOf(AudienceFileError);
    const [config] = await getSql()`SELECT audience_state AS state, audience_error AS error FROM send_configs WHERE id = ${configId}`;
    expect(config).toEqual({ state: 'failed', error: 'O arquivo está vazio.' });
    const [{ n }] = await getSql()`SELECT count(*)::int AS n FROM send_recipients WHERE config_id = ${configId}`;
    expect(n).toBe(1);
  });
});
