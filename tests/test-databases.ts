/** Vitest's per-worker databases are named <prefix><vitest process id>_<pool id> (tests/setup-db.ts). */
export const TEST_DATABASE_PREFIX = 'portal_test_'
