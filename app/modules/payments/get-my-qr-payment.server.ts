import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { paymentQrDetails } from './qr-spayd.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A portal QR payment the citizen started (CASL: own payments), null otherwise. Its SPAYD only while
 * it is open: a paid or cancelled payment shows no code, so nobody pays it (again) by scanning.
 */
export async function getMyQrPayment({ db, ability, paymentId }: { db: TenantDb; ability: AppAbility; paymentId: string }) {
	if (!UUID.test(paymentId)) return null
	const payment = await db.payment.findFirst({
		where: { AND: [accessibleWhere(ability, 'read', 'Payment'), { id: paymentId, method: 'bank_transfer', variableSymbol: { not: null } }] },
		select: {
			id: true,
			state: true,
			amount: true,
			variableSymbol: true,
			discountUntil: true,
			items: {
				select: {
					claim: {
						select: {
							id: true,
							label: true,
							year: true,
							instalment: true,
							instalmentCount: true,
							amount: true,
							discountAmount: true,
							resident: { select: { givenName: true, familyName: true } },
							debtorName: true,
						},
					},
				},
			},
		},
	})
	if (!payment) return null
	const claims = payment.items.map((item) => item.claim)
	const isOpen = payment.state === 'created' || payment.state === 'pending'
	const qr = isOpen ? await paymentQrDetails(db, { amount: payment.amount, variableSymbol: payment.variableSymbol!, claims }) : null
	return { ...payment, claims, qr }
}
