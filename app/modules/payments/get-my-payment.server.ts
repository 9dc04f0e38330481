import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { CardProvider } from './providers/payment-provider'

const select = {
	id: true,
	method: true,
	state: true,
	amount: true,
	paidAmount: true,
	refundedAmount: true,
	paidAt: true,
	createdAt: true,
	locale: true,
	providerPaymentId: true,
	person: { select: { givenName: true, familyName: true } },
	items: {
		select: {
			amount: true,
			discount: true,
			claim: { select: { id: true, label: true, variableSymbol: true, year: true, instalment: true, instalmentCount: true } },
		},
	},
} as const

/** One of the asker's own payments (CASL read Payment), by our id or by the gateway's id. */
export function getMyPayment({
	db,
	ability,
	paymentId,
	provider,
	providerPaymentId,
}: {
	db: TenantDb
	ability: AppAbility
	paymentId?: string
	provider?: CardProvider
	providerPaymentId?: string
}) {
	if (paymentId !== undefined && !/^[0-9a-f-]{36}$/i.test(paymentId)) return Promise.resolve(null)
	const key = paymentId !== undefined ? { id: paymentId } : { method: provider, providerPaymentId: providerPaymentId ?? '' }
	return db.payment.findFirst({ where: { AND: [accessibleWhere(ability, 'read', 'Payment'), key] }, select })
}

export type MyPayment = NonNullable<Awaited<ReturnType<typeof getMyPayment>>>
