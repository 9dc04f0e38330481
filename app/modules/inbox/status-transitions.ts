// The clerk's view of the submission state machine (app/modules/submissions/submission-states.ts):
// which statuses the inbox offers from which, and when a message to the citizen is required.
import type { SubmissionStatus } from '../../generated/tenant/enums'
import { canTransitionSubmission, CLERK_STATUSES, FINAL_SUBMISSION_STATUSES } from '../submissions/submission-states'

export { CLERK_STATUSES }
export type ClerkStatus = (typeof CLERK_STATUSES)[number]

export const FINAL_STATUSES: ReadonlySet<string> = new Set(FINAL_SUBMISSION_STATUSES)

export function canTransition(from: SubmissionStatus, to: ClerkStatus): boolean {
	return canTransitionSubmission('clerk', from, to)
}

/** A message to the citizen is required when asking for information or closing the case. */
export function needsMessage(to: ClerkStatus): boolean {
	return to !== 'in_progress'
}
