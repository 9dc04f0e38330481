import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One claim the citizen may read (own or represented) with its history and payments; null otherwise. */
export async function getMyClaim({ db, ability, claimId }: { db: TenantDb; ability: AppAbility; claimId: string }) {
	if (!UUID.test(claimId)) return null
	return db.claim.findFirst({
		where: { AND: [accessibleWhere(ability, 'read', 'Claim'), { id: claimId }] },
		select: {
			id: true,
			feeType: true,
			year: true,
			instalment: true,
			instalmentCount: true,
			label: true,
			baseAmount: true,
			reliefAmount: true,
			reliefCode: true,
			amount: true,
			discountPercent: true,
			discountAmount: true,
			discountUntil: true,
			dueDate: true,
			variableSymbol: true,
			status: true,
			paidAmount: true,
			discountGranted: true,
			resident: { select: { givenName: true, familyName: true } },
			debtorName: true,
			events: { orderBy: { at: 'asc' }, select: { id: true, kind: true, amount: true, at: true } },
			items: {
				orderBy: { createdAt: 'asc' },
				select: {
					amount: true,
					discount: true,
					payment: { select: { id: true, method: true, state: true, amount: true, variableSymbol: true, createdAt: true, paidAt: true, personId: true } },
				},
			},
		},
	})
}
