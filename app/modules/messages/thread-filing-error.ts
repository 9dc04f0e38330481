import type messages from '../../locales/cs/messages.json'
import { DomainError, unreachable } from '../errors/app-error'

/** Why a clerk's filing request was refused; nothing was changed. */
export const THREAD_FILING_ERROR_REASONS = ['no_records_system', 'message_not_fileable', 'not_resendable'] as const
export type ThreadFilingErrorReason = (typeof THREAD_FILING_ERROR_REASONS)[number]

export class ThreadFilingError extends DomainError<ThreadFilingErrorReason> {
	override readonly name = 'ThreadFilingError'
	constructor(reason: ThreadFilingErrorReason) {
		super(reason, `thread filing refused: ${reason}`)
	}
}

type FilingErrorKey = keyof typeof messages.office.filing.errors

/** The messages-namespace text for a refused filing request. */
export function threadFilingErrorMessage(reason: ThreadFilingErrorReason): `office.filing.errors.${FilingErrorKey}` {
	switch (reason) {
		case 'no_records_system':
		case 'message_not_fileable':
		case 'not_resendable':
			return `office.filing.errors.${reason}`
		default:
			return unreachable(reason)
	}
}
