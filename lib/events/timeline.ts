import type { EventStatus } from './schemas';

export type TimelineStep = 'received' | 'template' | 'queued' | 'sent' | 'failed' | 'ignored' | 'not_considered';

export interface TimelineSource {
  status: EventStatus;
  statusReason: string | null;
  receivedAt: Date;
  processedAt: Date | null;
  finishedAt: Date | null;
  templateName: string | null;
  messageEnqueuedAt: Date | null;
  instanceName: string | null;
}

/** received → template → queued → sent/failed/ignored (or not considered), from the event and its message. */
export function buildTimeline(e: TimelineSource): { step: TimelineStep; at: Date; detail: string | null }[] {
  const steps: { step: TimelineStep; at: Date; detail: string | null }[] = [{ step: 'received', at: e.receivedAt, detail: null }];
  if (e.processedAt && e.templateName) steps.push({ step: 'template', at: e.processedAt, detail: e.templateName });
  if (e.messageEnqueuedAt) steps.push({ step: 'queued', at: e.messageEnqueuedAt, detail: e.instanceName });
  const end: Partial<Record<EventStatus, TimelineStep>> = { sent: 'sent', failed: 'failed', ignored: 'ignored', not_considered: 'not_considered' };
  const last = end[e.status];
  if (last) steps.push({ step: last, at: e.finishedAt ?? e.processedAt ?? e.receivedAt, detail: e.statusReason });
  return steps;
}
