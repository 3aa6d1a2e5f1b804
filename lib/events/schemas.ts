import { z } from 'zod';

/** SPEC §3's statuses, in the order the events page shows them. */
export const EVENT_STATUSES = ['pending', 'pending_delivery', 'sent', 'ignored', 'failed', 'not_considered'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Which status may follow which (status changes are conditional updates on `from`). */
const TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  pending: ['pending_delivery', 'not_considered', 'ignored', 'failed'],
  pending_delivery: ['sent', 'failed', 'ignored'],
  // A removed message that "Recuperar mensagens" puts back makes its event pending delivery again.
  ignored: ['pending_delivery'],
  sent: [],
  failed: [],
  not_considered: [],
};

export function canTransition(from: EventStatus, to: EventStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const MAX_BATCH_EVENTS = 1000;

export const eventInputSchema = z
  .object({
    externalId: z.string().trim().min(1).max(200).describe("The store's own id for this event; idempotency key per store."),
    type: z.string().trim().min(1).max(100).describe('Event type, e.g. order_created, order_paid, cart_abandoned.'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When it happened (ISO 8601).'),
    contact: z
      .object({
        phone: z.string().trim().min(1).max(40).describe('Recipient phone, normalised to E.164 (Brazil assumed without a country code).'),
        name: z.string().trim().max(200).optional(),
        email: z.email().max(320).optional(),
      })
      .strict(),
    data: z.record(z.string(), z.unknown()).default({}).describe('Anything the templates use as {{data.…}}.'),
  })
  .strict()
  .meta({ id: 'Event' });
export type EventInput = z.output<typeof eventInputSchema>;

export const eventBatchSchema = z
  .object({ events: z.array(eventInputSchema).min(1).max(MAX_BATCH_EVENTS) })
  .strict()
  .meta({ id: 'EventBatch' });

export const acceptedSchema = z
  .object({ ids: z.array(z.uuid()).describe('Event ids, in the order sent; a replay returns the first ids.') })
  .meta({ id: 'Accepted' });

export const timelineStepSchema = z.object({
  step: z.enum(['received', 'template', 'queued', 'sent', 'failed', 'ignored', 'not_considered']),
  at: z.iso.datetime(),
  detail: z.string().nullable(),
});

export const eventViewSchema = z
  .object({
    id: z.uuid(),
    externalId: z.string(),
    type: z.string(),
    status: z.enum(EVENT_STATUSES),
    statusReason: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    messageId: z.uuid().nullable(),
    timeline: z.array(timelineStepSchema),
  })
  .meta({ id: 'EventView' });
export type EventView = z.output<typeof eventViewSchema>;

export const apiErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.array(z.string())).optional() }) })
  .meta({ id: 'Error' });
