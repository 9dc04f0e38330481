import { z } from 'zod'
import type { AppAbility } from '../access/ability.server'
import { listClaims } from '../claims/list-claims.server'
import type { TenantDb } from '../db/tenant-db.server'

/** One bank movement by id, or null when the id is not a UUID or nothing has it. */
export async function findBankMovement({ db, id }: { db: TenantDb; id: string | undefined }) {
	return z.uuid().safeParse(id).success ? db.bankMovement.findUnique({ where: { id: id! } }) : null
}

/**
 * Open claims a clerk may match a movement to: a search by variable symbol (digits only) or by name,
 * without cancelled and written-off claims, at most ten.
 */
export async function searchClaimsForMovement({ db, ability, q }: { db: TenantDb; ability: AppAbility; q: string }) {
	const found = await listClaims({ db, ability, filters: { ...(/^\d{1,10}$/.test(q) ? { vs: q } : { name: q }), page: 1 } })
	return found.claims.filter((c) => c.status !== 'cancelled' && c.status !== 'written_off').slice(0, 10)
}

/** The people whose claims these are (the clerk may split a movement between the claims of any of them). */
export async function listClaimPayers({ db, claimIds }: { db: TenantDb; claimIds: string[] }) {
	const payers = await db.resident.findMany({
		where: { claims: { some: { id: { in: claimIds } } } },
		select: { id: true, givenName: true, familyName: true },
		orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }],
	})
	return payers.map((p) => ({ id: p.id, name: `${p.givenName} ${p.familyName}` }))
}

/** How the payment a movement was credited to is spread over claims, or null. */
export async function findMovementAllocation({ db, paymentId }: { db: TenantDb; paymentId: string | null }) {
	const payment = paymentId
		? await db.payment.findUnique({
				where: { id: paymentId },
				select: {
					id: true,
					overpaidAmount: true,
					items: { select: { amount: true, claim: { select: { id: true, variableSymbol: true } } }, orderBy: { createdAt: 'asc' } },
				},
			})
		: null
	return payment
		? {
				paymentId: payment.id,
				overpaid: payment.overpaidAmount,
				items: payment.items.map((i) => ({ claimId: i.claim.id, variableSymbol: i.claim.variableSymbol, amount: i.amount })),
			}
		: null
}
