import 'server-only';
import { getSql } from '@/db/client';
import { now } from '@/lib/clock';

/**
 * updateEventStatus: copies message outcomes onto their events in one statement: sent → Enviado,
 * failed → Falha na entrega, removed → Ignorado pela entrega, and back to Entrega pendente when a
 * removed message was recovered. Returns how many events changed.
 */
export async function syncEventStatuses(at: Date = now()): Promise<number> {
  const changed = await getSql()`
    UPDATE events e SET status = x.next, status_reason = x.reason,
      finished_at = CASE WHEN x.next = 'pending_delivery' THEN NULL ELSE coalesce(x.done_at, ${at}::timestamptz) END
    FROM (
      SELECT e.id,
        (CASE m.state WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' WHEN 'removed' THEN 'ignored' ELSE 'pending_delivery' END)::event_status AS next,
        CASE m.state
          WHEN 'failed' THEN m.last_error
          WHEN 'removed' THEN 'Mensagem removida da fila' || coalesce(': ' || m.removed_reason, '.')
        END AS reason,
        coalesce(m.sent_at, m.failed_at, m.removed_at) AS done_at
      FROM events e JOIN messages m ON m.id = e.message_id
      WHERE e.status IN ('pending_delivery', 'ignored') AND e.message_id IS NOT NULL
    ) x
    WHERE e.id = x.id AND e.status <> x.next`;
  return changed.count;
}
