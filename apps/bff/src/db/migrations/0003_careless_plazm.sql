CREATE TABLE "calendar_feed_events" (
	"patron_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"fingerprint" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feed_events_patron_id_due_date_pk" PRIMARY KEY("patron_id","due_date")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"patron_id" integer PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"patron_id" integer PRIMARY KEY NOT NULL,
	"reminder_email" boolean DEFAULT false NOT NULL,
	"days_before" smallint DEFAULT 3 NOT NULL,
	"include_titles" boolean DEFAULT false NOT NULL,
	"push" boolean DEFAULT false NOT NULL,
	"overdue_notice" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_days_before" CHECK ("notification_preferences"."days_before" in (1, 2, 3, 7))
);
--> statement-breakpoint
CREATE TABLE "notifications_sent" (
	"patron_id" integer NOT NULL,
	"due_date" date NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	"item_count" integer NOT NULL,
	"mail_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_sent_patron_id_due_date_kind_pk" PRIMARY KEY("patron_id","due_date","kind"),
	CONSTRAINT "notifications_sent_kind" CHECK ("notifications_sent"."kind" in ('reminder', 'overdue'))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "patrons" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "calendar_feed_events" ADD CONSTRAINT "calendar_feed_events_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications_sent" ADD CONSTRAINT "notifications_sent_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_preferences_opted_in_idx" ON "notification_preferences" USING btree ("patron_id") WHERE "notification_preferences"."reminder_email" or "notification_preferences"."push";