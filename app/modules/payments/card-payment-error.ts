import type cardPayments from '../../locales/cs/card-payments.json'
import { DomainError, unreachable } from '../errors/app-error'

/** Why a card payment could not be quoted or started; nothing was charged. */
export const CARD_PAYMENT_ERROR_REASONS = [
	'no_claims',
	'too_many_claims',
	'claim_not_found',
	'claim_not_payable',
	'provider_off',
	'provider_invalid',
	'gateway_unavailable',
	'gateway_refused',
] as const
export type CardPaymentErrorReason = (typeof CARD_PAYMENT_ERROR_REASONS)[number]

export class CardPaymentError extends DomainError<CardPaymentErrorReason> {
	override readonly name = 'CardPaymentError'
}

type StartErrorKey = keyof typeof cardPayments.start.errors

/** The card-payments `start.errors` message for a refusal. */
export function cardPaymentErrorMessage(reason: CardPaymentErrorReason): `start.errors.${StartErrorKey}` {
	switch (reason) {
		case 'no_claims':
		case 'too_many_claims':
		case 'claim_not_found':
		case 'claim_not_payable':
		case 'provider_off':
		case 'provider_invalid':
		case 'gateway_unavailable':
		case 'gateway_refused':
			return `start.errors.${reason}`
		default:
			return unreachable(reason)
	}
}

export function isCardPaymentErrorReason(value: unknown): value is CardPaymentErrorReason {
	return typeof value === 'string' && (CARD_PAYMENT_ERROR_REASONS as readonly string[]).includes(value)
}
