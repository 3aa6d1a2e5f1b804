-- WhatsApp status webhooks name a message by the provider id (wamid…): look it up without a scan.
CREATE INDEX IF NOT EXISTS "messages_provider_message_id_idx" ON "messages" ("provider_message_id") WHERE "provider_message_id" IS NOT NULL;
