import type feesOffice from '../../locales/cs/fees-office.json'
import { DomainError, unreachable } from '../errors/app-error'

/** Why a request to generate a year's claims was refused (nothing queued). */
export const CLAIM_GENERATION_ERROR_REASONS = ['already_running', 'no_fee_rules'] as const
export type ClaimGenerationErrorReason = (typeof CLAIM_GENERATION_ERROR_REASONS)[number]

export class ClaimGenerationError extends DomainError<ClaimGenerationErrorReason> {
	override readonly name = 'ClaimGenerationError'
}

type GenerateErrorKey = `generate.errors.${keyof typeof feesOffice.generate.errors}`

/** The fees-office message for a refused generation request. */
export function claimGenerationErrorMessage(reason: ClaimGenerationErrorReason): GenerateErrorKey {
	switch (reason) {
		case 'already_running':
			return 'generate.errors.running'
		case 'no_fee_rules':
			return 'generate.errors.noRules'
		default:
			return unreachable(reason)
	}
}
