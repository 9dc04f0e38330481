// One attempt of one claimed outbox row, shared by the two outboxes (delivery_outbox for submissions,
// answer_outbox for needs-info answers): send it, and on an error either schedule the next try with
// backoff for 48 h or, when the error is final or the window is used up, give up. The caller claims
// the row first (a conditional UPDATE that moves its next attempt a lease ahead) and says what each
// ending writes; no transaction stays open while the records system answers.
import { isWindowExhausted, retryDelayMs } from './backoff'
import { DeliveryError } from './connector'

/** How long a claimed row belongs to the worker that claimed it. */
export const OUTBOX_LEASE_MS = 5 * 60_000

export type OutboxAttempt<Result> =
	{ outcome: 'delivered'; result: Result } | { outcome: 'retry'; nextAttemptAt: Date; error: string } | { outcome: 'failed'; error: string }

type Options<Result> = {
	/** Attempts so far, this one included. */
	attempts: number
	now: () => Date
	send: () => Promise<Result>
	/** Records the success; an error here counts as a failed attempt, as the send's own would. */
	delivered: (result: Result) => Promise<void>
	retry: (nextAttemptAt: Date, error: string) => Promise<void>
	failed: (error: string) => Promise<void>
}

export async function attemptOutboxRow<Result>({ attempts, now, send, delivered, retry, failed }: Options<Result>): Promise<OutboxAttempt<Result>> {
	try {
		const result = await send()
		await delivered(result)
		return { outcome: 'delivered', result }
	} catch (error) {
		const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000)
		const retryable = !(error instanceof DeliveryError) || error.retryable
		if (retryable && !isWindowExhausted(attempts)) {
			const nextAttemptAt = new Date(now().getTime() + retryDelayMs(attempts))
			await retry(nextAttemptAt, message)
			return { outcome: 'retry', nextAttemptAt, error: message }
		}
		await failed(message)
		return { outcome: 'failed', error: message }
	}
}
