import type { TenantDb } from '../db/tenant-db.server'
import { pickText, type LocalizedText } from '../i18n/locales'
import { remainingAmount } from '../claims/claim-balance'
import { QrPaymentError } from './qr-payment-error'
import { encodeSpayd } from './qr/spayd'

export type QrDetails = { kind: 'claim' | 'payment'; iban: string; amount: number; variableSymbol: string; message: string; spayd: string }

async function townIban(db: TenantDb): Promise<string> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { iban: true } })
	if (!settings?.iban) throw new QrPaymentError('no_account', 'The town has no bank account configured (blueprint payments.iban)')
	return settings.iban
}

function claimMessage(claim: { label: unknown; year: number }) {
	return `${pickText(claim.label as LocalizedText, 'cs')} ${claim.year}`
}

/** The QR Platba of a portal payment: its amount (discounted where the discount applies) and its own VS. */
export async function paymentQrDetails(
	db: TenantDb,
	payment: { amount: number; variableSymbol: string; claims: { label: unknown; year: number }[] },
): Promise<QrDetails> {
	const iban = await townIban(db)
	const message = payment.claims.length === 1 ? claimMessage(payment.claims[0]!) : `Mistni poplatky (${payment.claims.length}), portal`
	return {
		kind: 'payment',
		iban,
		amount: payment.amount,
		variableSymbol: payment.variableSymbol,
		message,
		spayd: encodeSpayd({ iban, amount: payment.amount, variableSymbol: payment.variableSymbol, message }),
	}
}

/**
 * For the CLI and the office: the QR Platba behind a variable symbol. A claim's own VS (the letter's)
 * asks for what is outstanding without any discount; a portal payment's VS for the payment's amount.
 */
export async function qrDetailsForVariableSymbol(db: TenantDb, variableSymbol: string): Promise<QrDetails | null> {
	const claim = await db.claim.findUnique({
		where: { variableSymbol },
		select: { label: true, year: true, amount: true, paidAmount: true, discountGranted: true },
	})
	if (claim) {
		const iban = await townIban(db)
		const amount = remainingAmount(claim)
		if (amount <= 0) throw new QrPaymentError('claim_not_payable', `Claim ${variableSymbol} has nothing left to pay`)
		const message = claimMessage(claim)
		return { kind: 'claim', iban, amount, variableSymbol, message, spayd: encodeSpayd({ iban, amount, variableSymbol, message }) }
	}
	const payment = await db.payment.findUnique({
		where: { variableSymbol },
		select: { amount: true, items: { select: { claim: { select: { label: true, year: true } } } } },
	})
	if (!payment) return null
	return paymentQrDetails(db, { amount: payment.amount, variableSymbol, claims: payment.items.map((item) => item.claim) })
}
