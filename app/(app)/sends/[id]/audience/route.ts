import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { NextResponse } from 'next/server';
import { assertCan } from '@/lib/auth/permissions';
import { actorOrThrow } from '@/lib/auth/session';
import { AppError, isAppError } from '@/lib/errors';
import { AudienceFileError, importAudience } from '@/lib/sends/audience';
import { getConfigOrThrow } from '@/lib/sends/service';

/** The CSV audience of a draft, uploaded as the raw request body and streamed into the database. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await actorOrThrow();
    assertCan(actor, 'editContent');
    const config = await getConfigOrThrow(actor.accountId, (await params).id);
    if (config.status !== 'draft') throw new AppError('CONFLICT', { message: 'A audiência só pode ser trocada em um rascunho.' });
    if (!request.body) throw new AppError('VALIDATION', { message: 'Envie um arquivo CSV.' });
    const fileName = decodeURIComponent(request.headers.get('x-file-name') ?? '') || null;
    const summary = await importAudience(config.id, Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), fileName);
    return NextResponse.json({ ok: true, data: summary });
  } catch (e) {
    if (e instanceof AudienceFileError) return NextResponse.json({ ok: false, message: e.message }, { status: 400 });
    if (isAppError(e)) return NextResponse.json({ ok: false, message: e.message }, { status: e.status });
    throw e;
  }
}
