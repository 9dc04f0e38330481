import { electronicFormatIBAN, friendlyFormatIBAN } from 'ibantools'
import { claimBalance, isOnOrBefore } from '../claims/claim-balance'
import { pragueToday } from '../dates/prague-date'
import type { TenantDb } from '../db/tenant-db.server'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { QrPaymentError } from '../payments/qr-payment-error'
import { qrDetailsForVariableSymbol } from '../payments/qr-spayd.server'
import { renderQrPlatbaSvg } from '../payments/qr/qr-image.server'
import { readSlipCapability } from './slip-capability.server'

export type SlipDiscount =
	/** No e-payment discount on this claim today. */
	| { kind: 'none' }
	/** The amount shown keeps the discount when the money arrives by `until`. */
	| { kind: 'kept'; until: Date }
	/** A portal payment whose discount deadline has passed: the rest will be asked for afterwards. */
	| { kind: 'over'; until: Date }
	/** The discount exists but is only for payments through the portal after login (the town's rule). */
	| { kind: 'login_only'; percent: number; amountWithLogin: number; until: Date }

export type SlipPaymentView =
	| { status: 'invalid' | 'expired' | 'closed' | 'no_account' }
	| {
			status: 'open'
			/** Fee names and years only: no name, address or other claims. */
			fees: { label: string; year: number }[]
			amount: number
			dueDate: Date
			iban: string
			variableSymbol: string
			message: string
			spayd: string
			qrSvg: string
			discount: SlipDiscount
	  }

/** The payment page behind a /zaplatit capability, as it stands now (a paid claim shows as closed). */
export async function getSlipPaymentView({
	db,
	tenantId,
	token,
	locale,
	now = new Date(),
}: {
	db: TenantDb
	tenantId: string
	token: string
	locale: Locale
	now?: Date
}): Promise<SlipPaymentView> {
	const capability = readSlipCapability({ tenantId, token, now })
	if (capability.status !== 'valid') return { status: capability.status }
	const today = pragueToday(now)
	const claimSelect = {
		variableSymbol: true,
		label: true,
		year: true,
		dueDate: true,
		status: true,
		amount: true,
		paidAmount: true,
		discountGranted: true,
		discountAmount: true,
		discountPercent: true,
		discountUntil: true,
	} as const
	let variableSymbol: string
	let fees: { label: string; year: number }[]
	let dueDate: Date
	let discount: SlipDiscount = { kind: 'none' }
	if (capability.target.kind === 'claim') {
		const claim = await db.claim.findUnique({ where: { id: capability.target.id }, select: claimSelect })
		if (!claim) return { status: 'invalid' }
		const balance = claimBalance(claim, today)
		if (!balance.isPayable) return { status: 'closed' }
		// The slip's own VS is a payment outside the portal: it pays what is owed without the discount.
		if (balance.discountAvailable > 0)
			discount = { kind: 'login_only', percent: claim.discountPercent, amountWithLogin: balance.payableNow, until: claim.discountUntil! }
		;({ variableSymbol, dueDate } = claim)
		fees = [{ label: pickText(claim.label as LocalizedText, locale), year: claim.year }]
	} else {
		const payment = await db.payment.findUnique({
			where: { id: capability.target.id },
			select: { variableSymbol: true, state: true, method: true, discountUntil: true, items: { select: { claim: { select: claimSelect } } } },
		})
		if (!payment?.variableSymbol || payment.method !== 'bank_transfer') return { status: 'invalid' }
		if (payment.state !== 'pending') return { status: 'closed' }
		variableSymbol = payment.variableSymbol
		fees = payment.items.map(({ claim }) => ({ label: pickText(claim.label as LocalizedText, locale), year: claim.year }))
		dueDate = new Date(Math.min(...payment.items.map(({ claim }) => claim.dueDate.getTime())))
		if (payment.discountUntil)
			discount = isOnOrBefore(today, payment.discountUntil) ? { kind: 'kept', until: payment.discountUntil } : { kind: 'over', until: payment.discountUntil }
	}
	try {
		const qr = await qrDetailsForVariableSymbol(db, variableSymbol)
		if (!qr) return { status: 'invalid' }
		const iban = friendlyFormatIBAN(electronicFormatIBAN(qr.iban) ?? qr.iban) ?? qr.iban
		return {
			status: 'open',
			fees,
			amount: qr.amount,
			dueDate,
			iban,
			variableSymbol,
			message: qr.message,
			spayd: qr.spayd,
			qrSvg: renderQrPlatbaSvg(qr.spayd),
			discount,
		}
	} catch (error) {
		if (!(error instanceof QrPaymentError)) throw error
		return { status: error.code === 'no_account' ? 'no_account' : 'closed' }
	}
}
