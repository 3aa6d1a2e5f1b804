import type { Metadata } from 'next';
import { TemplateEditorPage } from '@/components/templates/template-editor-page';
import { requireActor } from '@/lib/auth/session';
import { loadOrNotFound } from '@/lib/page-load';
import { getTemplate } from '@/lib/templates/queries';

export const metadata: Metadata = { title: 'Modelo' };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const template = await loadOrNotFound(id, () => getTemplate(actor, id));
  return <TemplateEditorPage actor={actor} initial={template} />;
}
