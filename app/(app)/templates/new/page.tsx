import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TemplateEditorPage } from '@/components/templates/template-editor-page';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Novo modelo' };

export default async function NewTemplatePage() {
  const actor = await requireActor();
  if (!can(actor.role, 'editContent')) notFound();
  return <TemplateEditorPage actor={actor} initial={{ name: '', storeId: null, eventType: '', body: 'Olá {{contact.name}}! ', active: true }} />;
}
