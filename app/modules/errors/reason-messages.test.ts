import { describe, expect, test } from 'vitest'
import { CLAIM_GENERATION_ERROR_REASONS, claimGenerationErrorMessage } from '../claims/claim-generation-error'
import { LOCALES } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { SUBMISSION_ERROR_REASONS, submissionErrorMessage } from '../inbox/submission-error'
import { THREAD_FILING_ERROR_REASONS, threadFilingErrorMessage } from '../messages/thread-filing-error'
import { CARD_PAYMENT_ERROR_REASONS, cardPaymentErrorMessage } from '../payments/card-payment-error'
import { REFUND_ERROR_REASONS, refundErrorMessage } from '../payments/refund-error'
import { PASSWORD_ERROR_REASONS, passwordErrorMessage } from '../staff/password-error'

// Every domain's refusal reasons come from one list; the routes show them through these mappings. A
// reason added to a list without a message in some language fails here (and one without a case in
// the mapping's switch does not compile).
const DOMAINS = [
	{ name: 'submission', namespace: 'forms-office', reasons: SUBMISSION_ERROR_REASONS, message: submissionErrorMessage },
	{ name: 'claim generation', namespace: 'fees-office', reasons: CLAIM_GENERATION_ERROR_REASONS, message: claimGenerationErrorMessage },
	{ name: 'password', namespace: 'office', reasons: PASSWORD_ERROR_REASONS, message: passwordErrorMessage },
	{ name: 'card payment', namespace: 'card-payments', reasons: CARD_PAYMENT_ERROR_REASONS, message: cardPaymentErrorMessage },
	{ name: 'refund', namespace: 'card-payments', reasons: REFUND_ERROR_REASONS, message: refundErrorMessage },
	{ name: 'thread filing', namespace: 'messages', reasons: THREAD_FILING_ERROR_REASONS, message: threadFilingErrorMessage },
] as const

function lookUp(tree: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree)
}

describe('every refusal reason has a message in every language', () => {
	for (const domain of DOMAINS) {
		test.each(LOCALES)(`${domain.name} reasons in %s`, (locale) => {
			const namespace = (resources[locale] as Record<string, unknown>)[domain.namespace]
			const missing = domain.reasons.filter((reason) => {
				const text = lookUp(namespace, (domain.message as (reason: string) => string)(reason))
				return typeof text !== 'string' || text.trim() === ''
			})
			expect(missing).toEqual([])
		})
	}
})
