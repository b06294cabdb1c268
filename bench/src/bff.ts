// What the benchmarks take from the BFF itself: its database opener (migrations included),
// its session service, and the very services the routes call, so the baselines replay the
// SQL the real code generates instead of a hand-written copy that could drift.
export { type Database, type Db, openDatabase } from '@library/bff/src/db/client.ts';
export { renewLoans } from '@library/bff/src/services/renewal.ts';
export { loanPage } from '@library/bff/src/services/renewal-preview.ts';
export { createSession, findSession, sha256 } from '@library/bff/src/services/sessions.ts';
