import type cardPayments from '../../locales/cs/card-payments.json'
import { DomainError, unreachable } from '../errors/app-error'

/** Why a clerk's refund was refused; nothing was changed (a gateway refusal marks the refund failed). */
export const REFUND_ERROR_REASONS = [
	'not_allowed',
	'not_found',
	'amount_invalid',
	'reason_missing',
	'not_refundable',
	'too_large',
	'not_supported',
	'gateway_refused',
	'gateway_unavailable',
] as const
export type RefundErrorReason = (typeof REFUND_ERROR_REASONS)[number]

export class RefundError extends DomainError<RefundErrorReason> {
	override readonly name = 'RefundError'
	constructor(reason: RefundErrorReason) {
		super(reason, `refund refused: ${reason}`)
	}
}

type RefundErrorKey = keyof typeof cardPayments.office.refund.errors

/** The card-payments message for a refused refund. */
export function refundErrorMessage(reason: RefundErrorReason): `office.refund.errors.${RefundErrorKey}` {
	switch (reason) {
		case 'not_allowed':
		case 'not_found':
		case 'amount_invalid':
		case 'reason_missing':
		case 'not_refundable':
		case 'too_large':
		case 'not_supported':
		case 'gateway_refused':
		case 'gateway_unavailable':
			return `office.refund.errors.${reason}`
		default:
			return unreachable(reason)
	}
}

export function isRefundErrorReason(value: unknown): value is RefundErrorReason {
	return typeof value === 'string' && (REFUND_ERROR_REASONS as readonly string[]).includes(value)
}
