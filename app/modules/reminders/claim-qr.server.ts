import type { TenantDb } from '../db/tenant-db.server'
import { encodeSpayd } from '../payments/qr/spayd'
import type { ReminderQr } from './send-claim-reminders.server'

/**
 * The QR code for what is left of one claim, with the claim's own variable symbol (the one on the
 * town's letter): the full amount, no e-payment discount (decision 007). Null when nothing is left
 * or the town has no account.
 */
export async function claimRemainderQr(db: TenantDb, claimId: string, iban: string | null): Promise<ReminderQr | null> {
	if (!iban) return null
	const claim = await db.claim.findUnique({ where: { id: claimId }, select: { amount: true, paidAmount: true, discountGranted: true, variableSymbol: true, year: true, feeType: true } })
	if (!claim) return null
	const amount = claim.amount - claim.paidAmount - claim.discountGranted
	if (amount <= 0) return null
	const spayd = encodeSpayd({ iban, amount, variableSymbol: claim.variableSymbol, message: `${claim.feeType} ${claim.year} VS ${claim.variableSymbol}` })
	return { spayd, amount, variableSymbol: claim.variableSymbol, account: iban }
}
