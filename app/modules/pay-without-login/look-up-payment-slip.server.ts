import { recordAudit } from '../audit/record-audit.server'
import { claimBalance } from '../claims/claim-balance'
import { pragueToday } from '../dates/prague-date'
import type { TenantDb } from '../db/tenant-db.server'
import { consumeRateLimit, peekRateLimit, type RateLimit } from '../rate-limit/consume-rate-limit.server'
import { createOrReuseSlipPayment } from './create-slip-payment.server'
import { isDiscountWithoutLogin } from './discount-without-login.server'
import { signSlipCapability, type SlipTarget } from './slip-capability.server'

// Paying without login (issue 16, decision 016 "Paying without login"). The pair printed on a payment
// slip, variable symbol + amount, is the only key: anyone holding the slip may pay it (a relative, a
// neighbour), and the answer shows nothing else about the person.

/** One client may look up 10 slips in 10 minutes. */
export const SLIP_LOOKUP_PER_IP: RateLimit = { scope: 'slip_lookup_ip', limit: 10, windowMs: 10 * 60_000 }
/** One variable symbol may be tried with 5 wrong amounts in an hour, whoever tries. */
export const SLIP_LOOKUP_PER_VS: RateLimit = { scope: 'slip_lookup_vs', limit: 5, windowMs: 60 * 60_000 }

export type SlipLookup = { status: 'found'; token: string } | { status: 'not_found' } | { status: 'rate_limited'; retryAfterSeconds: number }

type Options = {
	db: TenantDb
	tenant: { id: string; slug: string }
	variableSymbol: string
	/** Haléře, as typed from the slip. */
	amount: number
	ip: string | null
	locale: string
	requestId?: string | null
	now?: Date
}

/**
 * Finds the open claim or pending portal QR payment this pair belongs to. A claim matches on the
 * amount its slip prints (the claim's amount, base - relief) or on what is still owed (a reminder
 * prints that); a portal payment on its own amount. "No such VS", "wrong amount" and "nothing left to
 * pay" are one answer, and both tables are always queried, so neither the answer nor its timing says
 * whether a VS exists. Every lookup is audited with the VS and the client, never the amount typed (it
 * is the second half of the key; the log must not hand out working pairs).
 */
export async function lookUpPaymentSlip({ db, tenant, variableSymbol, amount, ip, locale, requestId = null, now = new Date() }: Options): Promise<SlipLookup> {
	const audit = (outcome: 'ok' | 'denied' | 'failed', result: string, subject: string | null = null) =>
		recordAudit(db, { action: 'payment.slip_lookup', outcome, subject, details: { variableSymbol, result }, ip, requestId })

	const perIp = await consumeRateLimit({ db, rule: SLIP_LOOKUP_PER_IP, ip, now })
	if (!perIp.isAllowed) {
		await audit('denied', 'rate_limited_ip')
		return { status: 'rate_limited', retryAfterSeconds: perIp.retryAfterSeconds }
	}
	const perVs = await peekRateLimit({ db, rule: SLIP_LOOKUP_PER_VS, ip, subject: variableSymbol, now })
	if (!perVs.isAllowed) {
		await audit('denied', 'rate_limited_vs')
		return { status: 'rate_limited', retryAfterSeconds: perVs.retryAfterSeconds }
	}

	const target = await findTarget({ db, tenant, variableSymbol, amount, locale, now })
	if (!target) {
		await consumeRateLimit({ db, rule: SLIP_LOOKUP_PER_VS, ip, subject: variableSymbol, now })
		await audit('failed', 'not_found')
		return { status: 'not_found' }
	}
	await audit('ok', target.kind === 'claim' ? 'claim' : 'portal_payment', `${target.kind === 'claim' ? 'Claim' : 'Payment'}:${target.id}`)
	return { status: 'found', token: signSlipCapability({ tenantId: tenant.id, target, now }) }
}

async function findTarget({ db, tenant, variableSymbol, amount, locale, now }: Omit<Options, 'ip' | 'requestId'> & { now: Date }): Promise<SlipTarget | null> {
	const [claim, payment] = await Promise.all([
		db.claim.findUnique({
			where: { variableSymbol },
			select: { id: true, status: true, amount: true, paidAmount: true, discountGranted: true, discountAmount: true, discountUntil: true, ruleVersion: true },
		}),
		db.payment.findUnique({ where: { variableSymbol }, select: { id: true, method: true, state: true, amount: true } }),
	])
	if (claim) {
		const balance = claimBalance(claim, pragueToday(now))
		if (!balance.isPayable || (amount !== claim.amount && amount !== balance.remaining)) return null
		// The town lets the slip keep the discount: pay through a portal payment that carries it.
		if (balance.discountAvailable > 0 && (await isDiscountWithoutLogin({ db, ruleVersion: claim.ruleVersion }))) {
			const slipPayment = await createOrReuseSlipPayment({ db, slug: tenant.slug, claimId: claim.id, locale, now })
			if (slipPayment) return { kind: 'payment', id: slipPayment.paymentId }
		}
		return { kind: 'claim', id: claim.id }
	}
	if (payment && payment.method === 'bank_transfer' && payment.state === 'pending' && payment.amount === amount) return { kind: 'payment', id: payment.id }
	return null
}
