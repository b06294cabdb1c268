-- One POST /api/renewals of one loan, as the BFF runs it (recorded from its services).
\set iter :iter + 1
\set k :kbase + :client_id + :clients * (:iter - 1)
\set loan 10 * (:k / 9) + (:k % 9) + 1
\set patron ((:loan - 1) % :patrons) + 1
select "id_hash", "patron_id", "created_at", "last_seen_at", "expires_at" from "sessions" where ("sessions"."id_hash" = ('pgbench-' || lpad(:patron::text, 56, '0')) and "sessions"."expires_at" > :s0p2);
select "id" from "loans" where ("loans"."patron_id" = :patron and "loans"."returned_on" is null and "loans"."due_date" < :s1p2) limit :s1p3;
begin;
select "loans"."due_date", "loans"."renewal_count", "loans"."branch_code", "titles"."id", "titles"."title", "items"."material_type", "items"."ill_source" from "loans" inner join "items" on "items"."id" = "loans"."item_id" inner join "titles" on "titles"."id" = "items"."title_id" where ("loans"."id" = :loan and "loans"."patron_id" = :patron and "loans"."returned_on" is null);
select "id" from "loans" where ("loans"."patron_id" = :patron and "loans"."returned_on" is null and "loans"."due_date" < :s4p2) limit :s4p3;
select "id" from "reservations" where ("reservations"."title_id" = :loan and "reservations"."status" = :s5p2 and "reservations"."patron_id" <> :patron) limit :s5p4;
select "branch_code", "date" from "closed_days" where ("closed_days"."branch_code" in (:s6p1) and "closed_days"."date" >= :s6p2 and "closed_days"."date" <= :s6p3);
update "loans" set "due_date" = :s7p1, "renewal_count" = "loans"."renewal_count" + 1 where ("loans"."id" = :loan and "loans"."patron_id" = :patron and "loans"."renewal_count" = :s7p4 and "loans"."returned_on" is null) returning "renewal_count";
insert into "renewals" ("id", "loan_id", "renewal_number", "renewed_at", "renewed_on", "previous_due_date", "new_due_date", "channel", "request_id") values (default, :loan, :s8p2, default, :s8p3, :s8p4, :s8p5, :s8p6, :s8p7);
insert into "audit_log" ("id", "at", "event", "patron_id", "request_id", "detail") values (default, default, :s9p1, :patron, :s9p3, :s9p4);
commit;
