CREATE TYPE "public"."send_audience_state" AS ENUM('empty', 'importing', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."send_config_status" AS ENUM('draft', 'active', 'aborted', 'finished');--> statement-breakpoint
CREATE TYPE "public"."send_run_state" AS ENUM('awaiting_confirmation', 'scheduled', 'processing', 'in_progress', 'done', 'failed', 'aborted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."send_schedule_kind" AS ENUM('now', 'at', 'daily', 'weekly', 'cron');--> statement-breakpoint
CREATE TABLE "send_audience_errors" (
	"config_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"reason" text NOT NULL,
	"raw" text NOT NULL,
	CONSTRAINT "send_audience_errors_config_id_line_no_pk" PRIMARY KEY("config_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "send_batches" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_position" integer NOT NULL,
	"to_position" integer NOT NULL,
	"count" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_batches_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "send_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"template_id" uuid,
	"instance_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"schedule_kind" "send_schedule_kind" DEFAULT 'now' NOT NULL,
	"schedule_at" timestamp with time zone,
	"schedule_time" text,
	"schedule_weekdays" smallint[],
	"schedule_cron" text,
	"time_zone" text NOT NULL,
	"validity_hours" integer DEFAULT 24 NOT NULL,
	"confirm_each_run" boolean DEFAULT false NOT NULL,
	"status" "send_config_status" DEFAULT 'draft' NOT NULL,
	"audience_state" "send_audience_state" DEFAULT 'empty' NOT NULL,
	"audience_file_name" text,
	"audience_columns" text[],
	"audience_valid" integer DEFAULT 0 NOT NULL,
	"audience_invalid" integer DEFAULT 0 NOT NULL,
	"audience_duplicates" integer DEFAULT 0 NOT NULL,
	"audience_error" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "send_recipients" (
	"config_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"line_no" integer NOT NULL,
	"phone" text NOT NULL,
	"name" text,
	"vars" jsonb,
	CONSTRAINT "send_recipients_config_id_position_pk" PRIMARY KEY("config_id","position")
);
--> statement-breakpoint
CREATE TABLE "send_run_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"state" "send_run_state" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "send_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"config_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"state" "send_run_state" NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"generated" integer DEFAULT 0 NOT NULL,
	"plan" jsonb,
	"abort_requested_at" timestamp with time zone,
	"abort_requested_by" uuid,
	"generation_started_at" timestamp with time zone,
	"generation_finished_at" timestamp with time zone,
	"failure_reason" text,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "send_audience_errors" ADD CONSTRAINT "send_audience_errors_config_id_send_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."send_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_batches" ADD CONSTRAINT "send_batches_run_id_send_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."send_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_configs" ADD CONSTRAINT "send_configs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_configs" ADD CONSTRAINT "send_configs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_configs" ADD CONSTRAINT "send_configs_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_configs" ADD CONSTRAINT "send_configs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_recipients" ADD CONSTRAINT "send_recipients_config_id_send_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."send_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_run_events" ADD CONSTRAINT "send_run_events_run_id_send_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."send_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_runs" ADD CONSTRAINT "send_runs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_runs" ADD CONSTRAINT "send_runs_config_id_send_configs_id_fk" FOREIGN KEY ("config_id") REFERENCES "public"."send_configs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "send_configs_account_idx" ON "send_configs" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "send_run_events_run_idx" ON "send_run_events" USING btree ("run_id","at");--> statement-breakpoint
CREATE INDEX "send_runs_config_idx" ON "send_runs" USING btree ("config_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "send_runs_due_idx" ON "send_runs" USING btree ("scheduled_at") WHERE state = 'scheduled';--> statement-breakpoint
CREATE INDEX "send_runs_open_idx" ON "send_runs" USING btree ("state") WHERE state IN ('processing', 'in_progress');