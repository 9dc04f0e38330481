import { defineAbilityFor } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { claimBalance } from '../claims/claim-balance'
import { pragueToday } from '../dates/prague-date'
import { createOrReuseQrPayment } from '../payments/qr-payment.server'
import { paymentQrDetails, qrDetailsForVariableSymbol } from '../payments/qr-spayd.server'
import { QrPaymentError } from '../payments/qr-payment-error'
import type { ReminderQr } from './send-claim-reminders.server'

/**
 * The QR code a reminder carries for one claim. While the e-payment discount is open it is a portal
 * QR payment for the recipient (created or reused, decision 007), so paying from the e-mail keeps
 * the discount; otherwise the claim's own variable symbol for what is left. Null when nothing is left
 * to pay or the town has no account.
 */
export async function reminderQr({
	db,
	slug,
	claimId,
	personId,
	now = new Date(),
}: {
	db: TenantDb
	slug: string
	claimId: string
	personId: string
	now?: Date
}): Promise<ReminderQr | null> {
	const claim = await db.claim.findUnique({
		where: { id: claimId },
		select: {
			status: true,
			label: true,
			year: true,
			amount: true,
			paidAmount: true,
			discountGranted: true,
			discountAmount: true,
			discountUntil: true,
			variableSymbol: true,
		},
	})
	if (!claim) return null
	try {
		if (claimBalance(claim, pragueToday(now)).discountAvailable > 0) {
			const ability = defineAbilityFor({ kind: 'citizen', personId })
			const payment = await createOrReuseQrPayment({ db, slug, ability, personId, claimIds: [claimId], now })
			const details = await paymentQrDetails(db, { amount: payment.amount, variableSymbol: payment.variableSymbol, claims: [claim] })
			return { spayd: details.spayd, amount: details.amount, variableSymbol: details.variableSymbol, account: details.iban }
		}
		const details = await qrDetailsForVariableSymbol(db, claim.variableSymbol)
		return details ? { spayd: details.spayd, amount: details.amount, variableSymbol: details.variableSymbol, account: details.iban } : null
	} catch (error) {
		if (error instanceof QrPaymentError) return null
		throw error
	}
}
