-- One POST /api/renewals of one loan, as the BFF runs it (recorded from its services).
\set iter :iter + 1
\set k :kbase + :client_id + :clients * (:iter - 1)
\set loan 10 * (:k / 9) + (:k % 9) + 1
\set patron ((:loan - 1) % :patrons) + 1
select "id_hash", "patron_id", "created_at", "last_seen_at", "expires_at" from "sessions" where ("sessions"."id_hash" = ('pgbench-' || lpad(:patron::text, 56, '0')) and "sessions"."expires_at" > :s0p2);
begin;
\startpipeline
select "id" from "loans" where ("loans"."patron_id" = :patron and "loans"."returned_on" is null and "loans"."due_date" < :s2p2) limit :s2p3;
select "loans"."due_date", "loans"."renewal_count", "loans"."branch_code", "titles"."id", "titles"."title", "items"."material_type", "items"."ill_source" from "loans" inner join "items" on "items"."id" = "loans"."item_id" inner join "titles" on "titles"."id" = "items"."title_id" where ("loans"."id" = :loan and "loans"."patron_id" = :patron and "loans"."returned_on" is null);
\endpipeline
\startpipeline
select "branch_code", "date" from "closed_days" where ("closed_days"."branch_code" = any(:s4p1) and "closed_days"."date" >= :s4p2 and "closed_days"."date" <= :s4p3);
select "id" from "reservations" where ("reservations"."title_id" = :loan and "reservations"."status" = :s5p2 and "reservations"."patron_id" <> :patron) limit :s5p4;
\endpipeline
update "loans" set "due_date" = :s6p1, "renewal_count" = "loans"."renewal_count" + 1 where ("loans"."id" = :loan and "loans"."patron_id" = :patron and "loans"."renewal_count" = :s6p4 and "loans"."returned_on" is null) returning "renewal_count";
\startpipeline
insert into "audit_log" ("id", "at", "event", "patron_id", "request_id", "detail") values (default, default, :s7p1, :patron, :s7p3, :s7p4);
insert into "renewals" ("id", "loan_id", "renewal_number", "renewed_at", "renewed_on", "previous_due_date", "new_due_date", "channel", "request_id") values (default, :loan, :s8p2, default, :s8p3, :s8p4, :s8p5, :s8p6, :s8p7);
\endpipeline
commit;
