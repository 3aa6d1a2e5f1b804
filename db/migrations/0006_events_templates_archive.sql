CREATE TYPE "public"."event_channel" AS ENUM('rt', 'batch');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('pending', 'pending_delivery', 'sent', 'ignored', 'failed', 'not_considered');--> statement-breakpoint
CREATE TABLE "store_credentials" (
	"store_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"api_key_hash" text NOT NULL,
	"api_key_last4" text NOT NULL,
	"webhook_secret_sealed" text NOT NULL,
	"webhook_secret_last4" text NOT NULL,
	"rate_limit_per_second" integer DEFAULT 2000 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	CONSTRAINT "store_credentials_api_key_hash_unique" UNIQUE("api_key_hash")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"type" text NOT NULL,
	"channel" "event_channel" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"data" jsonb NOT NULL,
	"body_hash" text NOT NULL,
	"status" "event_status" DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"template_id" uuid,
	"message_id" uuid,
	"instance_id" uuid,
	"processed_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"store_id" uuid,
	"event_type" text NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"events_moved" integer DEFAULT 0 NOT NULL,
	"messages_moved" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_daily_rollups" (
	"account_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_daily_rollups_account_id_store_id_day_status_pk" PRIMARY KEY("account_id","store_id","day","status")
);
--> statement-breakpoint
CREATE TABLE "events_archive" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone NOT NULL,
	"row" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages_archive" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"enqueued_at" timestamp with time zone NOT NULL,
	"archived_at" timestamp with time zone NOT NULL,
	"row" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_credentials" ADD CONSTRAINT "store_credentials_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credentials" ADD CONSTRAINT "store_credentials_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "events_store_external_key" ON "events" USING btree ("store_id","external_id");--> statement-breakpoint
CREATE INDEX "events_list_idx" ON "events" USING btree ("account_id","received_at","id");--> statement-breakpoint
CREATE INDEX "events_pending_idx" ON "events" USING btree ("channel","received_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "events_sync_idx" ON "events" USING btree ("message_id") WHERE status IN ('pending_delivery', 'ignored') AND message_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "events_archive_idx" ON "events" USING btree ("received_at") WHERE status NOT IN ('pending', 'pending_delivery');--> statement-breakpoint
CREATE UNIQUE INDEX "templates_active_key" ON "templates" USING btree ("account_id",coalesce("store_id", '00000000-0000-0000-0000-000000000000'::uuid),"event_type") WHERE active;--> statement-breakpoint
CREATE INDEX "templates_account_idx" ON "templates" USING btree ("account_id","event_type");--> statement-breakpoint
CREATE INDEX "events_archive_account_idx" ON "events_archive" USING btree ("account_id","received_at");--> statement-breakpoint
CREATE INDEX "messages_archive_account_idx" ON "messages_archive" USING btree ("account_id","enqueued_at");