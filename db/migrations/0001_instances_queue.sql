CREATE TYPE "public"."instance_status" AS ENUM('connected', 'disconnected');--> statement-breakpoint
CREATE TYPE "public"."provider_kind" AS ENUM('sandbox', 'whatsapp_cloud', 'http');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'delivered', 'read', 'failed');--> statement-breakpoint
CREATE TYPE "public"."message_source" AS ENUM('event', 'send', 'test');--> statement-breakpoint
CREATE TYPE "public"."message_state" AS ENUM('queued', 'processing', 'sent', 'failed', 'removed');--> statement-breakpoint
CREATE TYPE "public"."queue_operation_kind" AS ENUM('clear', 'recover', 'rebalance');--> statement-breakpoint
CREATE TYPE "public"."queue_operation_state" AS ENUM('pending', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "stores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instance_daily_stats" (
	"instance_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "instance_daily_stats_instance_id_day_pk" PRIMARY KEY("instance_id","day")
);
--> statement-breakpoint
CREATE TABLE "instance_stores" (
	"instance_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instance_stores_instance_id_store_id_pk" PRIMARY KEY("instance_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_number" text NOT NULL,
	"provider" "provider_kind" NOT NULL,
	"provider_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"provider_secret" text,
	"send_interval_ms" integer NOT NULL,
	"daily_limit" integer,
	"status" "instance_status" DEFAULT 'disconnected' NOT NULL,
	"status_reason" text,
	"paused" boolean DEFAULT false NOT NULL,
	"next_send_at" timestamp with time zone DEFAULT '1970-01-01T00:00:00Z' NOT NULL,
	"in_flight_message_id" uuid,
	"queued_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_attempts" (
	"message_id" uuid NOT NULL,
	"attempt" smallint NOT NULL,
	"instance_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"http_status" integer,
	"worker_id" text,
	CONSTRAINT "message_attempts_message_id_attempt_pk" PRIMARY KEY("message_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"store_id" uuid,
	"recipient" text NOT NULL,
	"body" text NOT NULL,
	"source_kind" "message_source" NOT NULL,
	"source_label" text NOT NULL,
	"source_id" uuid,
	"payload" jsonb,
	"state" "message_state" DEFAULT 'queued' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"enqueued_at" timestamp with time zone NOT NULL,
	"available_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"lease_expires_at" timestamp with time zone,
	"claimed_by" text,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"provider_message_id" text,
	"last_error" text,
	"delivery_status" "delivery_status",
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"removed_reason" text,
	"recovered_at" timestamp with time zone,
	"moved_at" timestamp with time zone,
	"moved_from_instance_id" uuid
);
--> statement-breakpoint
CREATE TABLE "queue_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"kind" "queue_operation_kind" NOT NULL,
	"state" "queue_operation_state" DEFAULT 'pending' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"cursor" jsonb,
	"result" jsonb,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "stores" ADD CONSTRAINT "stores_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_daily_stats" ADD CONSTRAINT "instance_daily_stats_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_stores" ADD CONSTRAINT "instance_stores_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instance_stores" ADD CONSTRAINT "instance_stores_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attempts" ADD CONSTRAINT "message_attempts_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_operations" ADD CONSTRAINT "queue_operations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_operations" ADD CONSTRAINT "queue_operations_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_operations" ADD CONSTRAINT "queue_operations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stores_account_idx" ON "stores" USING btree ("account_id","name");--> statement-breakpoint
CREATE INDEX "instance_stores_store_idx" ON "instance_stores" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "instances_account_idx" ON "instances" USING btree ("account_id","name");--> statement-breakpoint
CREATE INDEX "messages_queue_idx" ON "messages" USING btree ("instance_id","state","enqueued_at","id");--> statement-breakpoint
CREATE INDEX "messages_lease_idx" ON "messages" USING btree ("lease_expires_at") WHERE state = 'processing';--> statement-breakpoint
CREATE INDEX "messages_sent_idx" ON "messages" USING btree ("instance_id","sent_at") WHERE state = 'sent';--> statement-breakpoint
CREATE UNIQUE INDEX "queue_operations_open_key" ON "queue_operations" USING btree ("instance_id") WHERE state IN ('pending', 'running');--> statement-breakpoint
CREATE INDEX "queue_operations_instance_idx" ON "queue_operations" USING btree ("instance_id","created_at");