// Which status a clerk may move a submission to from which. Final states (resolved, rejected) are
// closed here just as apply-status-update refuses to reopen them from the records side.
export const CLERK_STATUSES = ['in_progress', 'needs_info', 'resolved', 'rejected'] as const
export type ClerkStatus = (typeof CLERK_STATUSES)[number]

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['resolved', 'rejected'])

const OPEN = ['submitted', 'delivered', 'assigned', 'in_progress', 'needs_info', 'failed'] as const

export const ALLOWED_TRANSITIONS: Record<string, readonly ClerkStatus[]> = Object.fromEntries(
	OPEN.map((from) => [from, CLERK_STATUSES.filter((to) => to !== from)]),
)

export function canTransition(from: string, to: string): boolean {
	return (ALLOWED_TRANSITIONS[from] ?? []).includes(to as ClerkStatus)
}

/** A message to the citizen is required when asking for information or closing the case. */
export function needsMessage(to: ClerkStatus): boolean {
	return to !== 'in_progress'
}
