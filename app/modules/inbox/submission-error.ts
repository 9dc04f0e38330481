import type formsOffice from '../../locales/cs/forms-office.json'
import { DomainError, unreachable } from '../errors/app-error'

/** Why a clerk's move on a submission was refused (nothing changed). */
export const SUBMISSION_ERROR_REASONS = [
	'assignee_invalid',
	'message_missing',
	'document_not_allowed',
	'not_found',
	'transition_invalid',
	'changed_meanwhile',
	'not_resendable',
] as const
export type SubmissionErrorReason = (typeof SUBMISSION_ERROR_REASONS)[number]

export class SubmissionError extends DomainError<SubmissionErrorReason> {
	override readonly name = 'SubmissionError'
}

type DetailErrorKey = `detail.errors.${keyof typeof formsOffice.detail.errors}`

/** The forms-office message for a refusal on the submission detail page. */
export function submissionErrorMessage(reason: SubmissionErrorReason): DetailErrorKey {
	switch (reason) {
		case 'assignee_invalid':
			return 'detail.errors.assignee'
		case 'message_missing':
			return 'detail.errors.message'
		case 'document_not_allowed':
			return 'detail.errors.documentStatus'
		case 'not_resendable':
			return 'detail.errors.notResendable'
		// Gone, moved on by a colleague or not a move from here: the clerk reloads and picks again.
		case 'not_found':
		case 'transition_invalid':
		case 'changed_meanwhile':
			return 'detail.errors.transition'
		default:
			return unreachable(reason)
	}
}
