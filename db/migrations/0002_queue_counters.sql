-- instances.queued_count is what every screen reads for a queue's size ("Visão geral da fila", the
-- instance list, the store page, routing to the queue that drains soonest). It is kept here, by
-- statement-level triggers with transition tables: one aggregate per statement, however many rows
-- it touched, so a clear of a million rows costs one UPDATE per instance, not a million.
CREATE FUNCTION pombo_queued_delta_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE instances i SET queued_count = i.queued_count + d.n
  FROM (SELECT instance_id, count(*)::int AS n FROM new_rows WHERE state = 'queued' GROUP BY instance_id) d
  WHERE i.id = d.instance_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION pombo_queued_delta_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE instances i SET queued_count = i.queued_count + d.n
  FROM (
    SELECT instance_id, sum(n)::int AS n FROM (
      SELECT instance_id, 1 AS n FROM new_rows WHERE state = 'queued'
      UNION ALL
      SELECT instance_id, -1 AS n FROM old_rows WHERE state = 'queued'
    ) x GROUP BY instance_id HAVING sum(n) <> 0
  ) d
  WHERE i.id = d.instance_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION pombo_queued_delta_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE instances i SET queued_count = i.queued_count - d.n
  FROM (SELECT instance_id, count(*)::int AS n FROM old_rows WHERE state = 'queued' GROUP BY instance_id) d
  WHERE i.id = d.instance_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER messages_queued_ins AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pombo_queued_delta_ins();
--> statement-breakpoint
CREATE TRIGGER messages_queued_upd AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pombo_queued_delta_upd();
--> statement-breakpoint
CREATE TRIGGER messages_queued_del AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pombo_queued_delta_del();
