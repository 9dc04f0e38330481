import { formatMoney } from '../i18n/format'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { MyPayment } from './get-my-payment.server'

/** What the return page shows: the state in words, the amount, the claims and what to do next. */
export function paymentResultView(payment: MyPayment | null, locale: Locale) {
	const title = resources[locale]['card-payments'].result.title
	if (!payment) return { title, payment: null }
	return {
		title,
		payment: {
			id: payment.id,
			state: payment.state,
			amount: formatMoney(payment.state === 'paid' ? payment.paidAmount : payment.amount, locale),
			claims: payment.items.map((item) => ({
				id: item.claim.id,
				label: pickText(item.claim.label as LocalizedText, locale),
				variableSymbol: item.claim.variableSymbol,
			})),
		},
	}
}
