// The lifecycle of a conversation filed into the town's records system (thread_filing, issue 15):
// pending (waiting for its next attempt; retried with backoff for 48 h) -> delivered (the records system
// filed it and gave its id, usually with a reference number) or failed (a final refusal, or the window
// used up). A clerk's "try again" puts a failed filing back to pending with a fresh window. Every change
// is one conditional UPDATE on the expected state, so two workers or two clerks cannot both move it.
export const FILING_STATES = ['pending', 'delivered', 'failed'] as const
export type FilingState = (typeof FILING_STATES)[number]

export const FILING_TRANSITIONS: Readonly<Record<FilingState, readonly FilingState[]>> = {
	pending: ['delivered', 'failed'],
	delivered: [],
	failed: ['pending'],
}

export function canTransitionFiling(from: FilingState, to: FilingState): boolean {
	return FILING_TRANSITIONS[from].includes(to)
}

/** The document key of a whole conversation or of one message: unique in thread_filing and the records system's idempotency key. */
export function filingDocumentKey(target: { threadId: string; messageId?: string | null }): string {
	return target.messageId ? `message-${target.messageId}` : `thread-${target.threadId}`
}
