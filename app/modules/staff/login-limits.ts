// Brute-force limits for staff and vendor sign-in. One failed password or second-factor code
// counts one failure; the per-account counter locks the account, the per-IP window (from the
// login_attempt table) slows down one source trying many accounts.
export const MAX_ACCOUNT_FAILURES = 5
export const LOCK_MINUTES = 15
export const MAX_IP_FAILURES = 20
export const IP_WINDOW_MINUTES = 15
