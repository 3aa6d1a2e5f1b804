CREATE TYPE "public"."conversion_destination_kind" AS ENUM('meta', 'http', 'sandbox');--> statement-breakpoint
CREATE TYPE "public"."conversion_status" AS ENUM('sending', 'succeeded', 'failed', 'waiting_retry', 'resending');--> statement-breakpoint
CREATE TABLE "conversion_attempts" (
	"event_id" uuid NOT NULL,
	"attempt" smallint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"outcome" text NOT NULL,
	"http_status" integer,
	"error" text,
	"manual" boolean DEFAULT false NOT NULL,
	CONSTRAINT "conversion_attempts_event_id_attempt_pk" PRIMARY KEY("event_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "conversion_destinations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"kind" "conversion_destination_kind" NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret" text,
	"mappings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversion_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"destination_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"event_id" text NOT NULL,
	"event_name" text NOT NULL,
	"event_time" timestamp with time zone NOT NULL,
	"action_source" text DEFAULT 'website' NOT NULL,
	"event_source_url" text,
	"user_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"custom_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "conversion_status" DEFAULT 'sending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"claim_token" uuid,
	"claimed_at" timestamp with time zone,
	"last_error" text,
	"last_http_status" integer,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "conversion_attempts" ADD CONSTRAINT "conversion_attempts_event_id_conversion_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."conversion_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversion_destinations" ADD CONSTRAINT "conversion_destinations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversion_destinations" ADD CONSTRAINT "conversion_destinations_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversion_events" ADD CONSTRAINT "conversion_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversion_events" ADD CONSTRAINT "conversion_events_destination_id_conversion_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."conversion_destinations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversion_destinations_store_idx" ON "conversion_destinations" USING btree ("store_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "conversion_events_idem_idx" ON "conversion_events" USING btree ("destination_id","external_id");--> statement-breakpoint
CREATE INDEX "conversion_events_list_idx" ON "conversion_events" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "conversion_events_status_idx" ON "conversion_events" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "conversion_events_due_idx" ON "conversion_events" USING btree ("destination_id","next_attempt_at") WHERE status IN ('sending', 'waiting_retry') AND claim_token IS NULL;--> statement-breakpoint
CREATE INDEX "conversion_events_claimed_idx" ON "conversion_events" USING btree ("claimed_at") WHERE claim_token IS NOT NULL;