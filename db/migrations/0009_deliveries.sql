CREATE TABLE "delivery_stats" (
	"run_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"to_deliver" integer NOT NULL,
	"sent" integer NOT NULL,
	"delivered" integer NOT NULL,
	"errors" integer NOT NULL,
	"pending" integer NOT NULL,
	"read" integer NOT NULL,
	"clicked" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "link_clicks" (
	"link_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"run_id" uuid NOT NULL,
	"clicked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "link_clicks_link_id_position_pk" PRIMARY KEY("link_id","position")
);
--> statement-breakpoint
CREATE TABLE "send_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	CONSTRAINT "send_links_run_url_uq" UNIQUE("run_id","url")
);
--> statement-breakpoint
ALTER TABLE "delivery_stats" ADD CONSTRAINT "delivery_stats_run_id_send_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."send_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_stats" ADD CONSTRAINT "delivery_stats_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_clicks" ADD CONSTRAINT "link_clicks_link_id_send_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."send_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_links" ADD CONSTRAINT "send_links_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_links" ADD CONSTRAINT "send_links_run_id_send_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."send_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "link_clicks_run_idx" ON "link_clicks" USING btree ("run_id","position");