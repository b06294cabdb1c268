CREATE TABLE "auth_lockouts" (
	"patron_number" text NOT NULL,
	"client_key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "auth_lockouts_patron_number_client_key_pk" PRIMARY KEY("patron_number","client_key")
);
--> statement-breakpoint
CREATE INDEX "mail_outbox_recipient_idx" ON "mail_outbox" USING btree (lower("to_address"),"created_at");--> statement-breakpoint
ALTER TABLE "patrons" DROP COLUMN "failed_attempts";--> statement-breakpoint
ALTER TABLE "patrons" DROP COLUMN "locked_until";