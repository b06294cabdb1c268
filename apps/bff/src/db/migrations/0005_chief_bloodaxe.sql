CREATE TABLE "ils_loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"patron_id" integer NOT NULL,
	"item_identifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patrons" ALTER COLUMN "birth_date" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "patrons" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ils_loans" ADD CONSTRAINT "ils_loans_patron_id_patrons_id_fk" FOREIGN KEY ("patron_id") REFERENCES "public"."patrons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ils_loans_patron_item_uq" ON "ils_loans" USING btree ("patron_id","item_identifier");