// What the benchmarks take from the BFF itself: its database opener (migrations included),
// its session service, and the very services the routes call, so the baselines replay the
// SQL the real code generates instead of a hand-written copy that could drift.
export { type Database, type Db, openDatabase } from '@library/bff/db/client';
export { renewLoans } from '@library/bff/services/renewal';
export { loanPage } from '@library/bff/services/renewal-preview';
export { createSession, findSession, sha256 } from '@library/bff/services/sessions';
