-- updateEventStatus runs right after dispatch outcomes: any statement that finishes, fails or removes a
-- message of an event notifies the workers (once per statement, not per row), which then run the
-- set-based status sync. The minute cron remains the safety net for a lost notification.
CREATE FUNCTION pombo_event_outcome_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE source_kind = 'event' AND state IN ('sent', 'failed', 'removed', 'queued') AND source_id IS NOT NULL) THEN
    PERFORM pg_notify('pombo_event_outcome', '');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_event_outcome AFTER UPDATE ON messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pombo_event_outcome_notify();
