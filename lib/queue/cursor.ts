/** Keyset cursors for the queue list: the (enqueued_at, id) of a row, opaque in the URL. */
export interface QueueCursor {
  at: Date;
  id: string;
}

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined | null): QueueCursor | null {
  if (!value) return null;
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { at: date, id };
}
