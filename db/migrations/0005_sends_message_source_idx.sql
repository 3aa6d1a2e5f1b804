-- Counting a run's messages by state (completion check, detail page) without scanning the queue.
CREATE INDEX IF NOT EXISTS "messages_send_source_idx" ON "messages" ("source_id", "state") WHERE "source_kind" = 'send';
