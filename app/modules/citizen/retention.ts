/**
 * How long records the law makes the town keep outlive a closed account (docs/decisions/005-citizen-login-nia.md).
 * Accounting records (payments, claims): zákon č. 563/1991 Sb., o účetnictví, § 31–32; the town sets the
 * period in its records policy, 10 years unless it says otherwise (the longest period that applies to
 * tax documents). A per-town setting arrives with the payments issue; until then this is the default.
 */
export const DEFAULT_ACCOUNTING_RETENTION_YEARS = 10

/** What the closed-account placeholder name is: not a person's name, and the same in every language. */
export const CLOSED_ACCOUNT_NAME = { givenName: '—', familyName: 'zrušený účet' } as const
