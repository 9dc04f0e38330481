// Retry schedule of a delivery: 1, 2, 4 … minutes, capped at 4 hours between attempts, for 48 hours
// in all. Counting by attempts (not by the outbox row's age) lets an admin's resend start a fresh window.
export const FIRST_RETRY_MS = 60_000
export const MAX_RETRY_GAP_MS = 4 * 60 * 60_000
export const DELIVERY_WINDOW_MS = 48 * 60 * 60_000

/** Wait after the `attempts`-th failed attempt (1-based). */
export function retryDelayMs(attempts: number): number {
	return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_GAP_MS)
}

/** Whether waiting after this failure would go past the 48-hour window: then the delivery fails. */
export function isWindowExhausted(attempts: number): boolean {
	let waited = 0
	for (let n = 1; n <= attempts; n++) waited += retryDelayMs(n)
	return waited > DELIVERY_WINDOW_MS
}
