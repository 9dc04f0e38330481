// Where every gateway answer (return, notification, webhook, mop-up) changes a payment. Exactly once:
// an inbox row keyed by (provider, event key) turns a duplicate or a replay into a no-op, and the
// payment row is locked and its state checked before crediting, so a return, a notification and a
// webhook for the same payment credit its claims once between them.
import type { Prisma } from '../../generated/tenant/client'
import type { TransitionSource } from '../../generated/tenant/enums'
import { creditPayment } from '../claims/credit-payment.server'
import type { TenantDb } from '../db/tenant-db.server'
import { transitionPayment } from './payment-states'
import { afterSettled, type TownRef } from './send-payment-receipt.server'
import type { CardProvider, ProviderStatus } from './providers/payment-provider'

export type ApplyOutcome = 'credited' | 'closed' | 'unchanged' | 'duplicate' | 'unknown_payment'

export type ApplyInput = {
	db: TenantDb
	provider: CardProvider
	providerPaymentId: string
	status: ProviderStatus
	source: TransitionSource
	/** Dedupe key of the notification or event; absent for return and mop-up, which only the state guards. */
	eventKey?: string
	payload?: Prisma.InputJsonObject
	/** The payment's town: when given, a credited payment's receipt (and overpayment notice) is queued here, after the commit. */
	town?: TownRef
}

const OPEN_STATES = new Set(['created', 'pending'])
const PAYABLE_STATES = new Set(['created', 'pending', 'cancelled', 'expired', 'failed'])

export async function applyProviderStatus(input: ApplyInput): Promise<{ outcome: ApplyOutcome; paymentId: string | null }> {
	const result = await input.db.$transaction(async (tx) => {
		const payment = await tx.payment.findUnique({
			where: { method_providerPaymentId: { method: input.provider, providerPaymentId: input.providerPaymentId } },
			select: { id: true },
		})
		if (input.eventKey) {
			const inserted = await tx.gatewayNotification.createMany({
				data: [{ provider: input.provider, eventKey: input.eventKey, paymentId: payment?.id ?? null, payload: input.payload ?? {} }],
				skipDuplicates: true,
			})
			if (inserted.count === 0) return { outcome: 'duplicate' as const, paymentId: payment?.id ?? null }
		}
		const outcome = payment ? await apply(tx, payment.id, input) : 'unknown_payment'
		if (input.eventKey) {
			await tx.gatewayNotification.update({
				where: { provider_eventKey: { provider: input.provider, eventKey: input.eventKey } },
				data: { processedAt: new Date(), outcome },
			})
		}
		return { outcome, paymentId: payment?.id ?? null }
	})
	if (input.town) await afterSettled({ db: input.db, townSlug: input.town.slug, townOrigin: input.town.origin, ...result, log: console.warn })
	return result
}

async function apply(tx: Prisma.TransactionClient, paymentId: string, input: ApplyInput): Promise<ApplyOutcome> {
	// Lock the payment row (touching update) so concurrent answers for it serialise, then read its state.
	await tx.payment.updateMany({ where: { id: paymentId }, data: { updatedAt: new Date() } })
	const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { state: true, createdAt: true } })
	const { status } = input
	if (status.state === 'paid') {
		if (!PAYABLE_STATES.has(payment.state) || status.amount <= 0) return 'unchanged'
		// The discount follows when the citizen started paying (decision 007): a gateway confirming
		// after the due date does not take away what was shown and charged.
		await creditPayment(tx, {
			paymentId,
			received: status.amount,
			receivedAt: payment.createdAt,
			source: input.source,
			actor: `${input.provider}:${status.raw}`,
		})
		return 'credited'
	}
	if (status.state === 'pending' || !OPEN_STATES.has(payment.state)) return 'unchanged'
	const result = await transitionPayment(tx, { paymentId, to: status.state, source: input.source, detail: { gateway: status.raw } })
	return result.ok ? 'closed' : 'unchanged'
}
