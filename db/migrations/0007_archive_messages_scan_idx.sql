-- Archiving scans finished messages oldest first; this partial index keeps each batch from re-reading the live queue.
CREATE INDEX "messages_archive_scan_idx" ON "messages" USING btree ("enqueued_at") WHERE state IN ('sent', 'failed', 'removed');
