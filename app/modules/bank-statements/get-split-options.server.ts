// What the clerk's split form offers for one movement (issue 11.4): how much can be split (an
// unmatched credit: all of it; an auto-matched credit: its payment's overpayment), the payer (the one
// the clerk picked, else the resident of the claim whose VS the transfer carried) and that payer's
// person/household claims still needing money, earliest due first, prefilled in that order.
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { remainingAmount } from '../claims/claim-balance'
import { paddedSymbol } from './match-movements.server'
import { payerGroupWhere } from './payer-group.server'
import { claimDebtorName } from '../claims/claim-debtor'

/** A household's open claims fit easily; past this the form says so and the clerk splits in rounds. */
export const SPLIT_CLAIMS_LIMIT = 50

type Movement = { id: string; kind: string; matchStatus: string; amount: bigint; variableSymbol: string | null; paymentId: string | null }

async function splittable(db: TenantDb, movement: Movement) {
	if (movement.kind !== 'credit') return null
	if (movement.matchStatus === 'unmatched') return { mode: 'unmatched' as const, available: Number(movement.amount), firstClaimId: null }
	if (movement.matchStatus !== 'matched' || !movement.paymentId) return null
	const [payment, reversed] = await Promise.all([
		db.payment.findUnique({
			where: { id: movement.paymentId },
			select: { method: true, state: true, overpaidAmount: true, items: { select: { claimId: true }, orderBy: { amount: 'desc' }, take: 1 } },
		}),
		db.bankMovement.count({ where: { reversedMovementId: movement.id } }),
	])
	if (!payment || reversed || payment.method !== 'bank_transfer' || payment.state !== 'paid' || payment.overpaidAmount <= 0) return null
	return { mode: 'overpayment' as const, available: payment.overpaidAmount, firstClaimId: payment.items[0]?.claimId ?? null }
}

async function defaultPayerId(db: TenantDb, movement: Movement, firstClaimId: string | null): Promise<string | null> {
	if (firstClaimId) return (await db.claim.findUnique({ where: { id: firstClaimId }, select: { residentId: true } }))?.residentId ?? null
	if (!movement.variableSymbol || movement.variableSymbol.length > 10) return null
	const vs = paddedSymbol(movement.variableSymbol)
	const claim = await db.claim.findUnique({ where: { variableSymbol: vs }, select: { residentId: true } })
	if (claim) return claim.residentId
	// A second transfer to a portal QR payment: the payer of that payment's claims.
	const item = await db.paymentItem.findFirst({ where: { payment: { variableSymbol: vs } }, select: { claim: { select: { residentId: true } } } })
	return item?.claim.residentId ?? null
}

export async function getSplitOptions({
	db,
	ability,
	movement,
	payerResidentId,
}: {
	db: TenantDb
	ability: AppAbility
	movement: Movement
	payerResidentId: string | null
}) {
	const split = await splittable(db, movement)
	if (!split) return null
	const payerId = payerResidentId ?? (await defaultPayerId(db, movement, split.firstClaimId))
	const payer = payerId
		? await db.resident.findFirst({
				where: { AND: [accessibleWhere(ability, 'read', 'Resident'), { id: payerId }] },
				select: { id: true, givenName: true, familyName: true, householdId: true, personId: true, household: { select: { label: true } } },
			})
		: null
	if (!payer) return { ...split, payer: null, claims: [], more: false }
	const rows = await db.claim.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'Claim'), { status: { in: ['open', 'partly_paid'] }, resident: payerGroupWhere(payer) }] },
		orderBy: [{ dueDate: 'asc' }, { variableSymbol: 'asc' }],
		take: SPLIT_CLAIMS_LIMIT + 1,
		select: {
			id: true,
			variableSymbol: true,
			feeType: true,
			label: true,
			year: true,
			instalment: true,
			instalmentCount: true,
			amount: true,
			paidAmount: true,
			discountGranted: true,
			dueDate: true,
			resident: { select: { givenName: true, familyName: true } },
			debtorName: true,
		},
	})
	let left = split.available
	const claims = rows
		.slice(0, SPLIT_CLAIMS_LIMIT)
		.map((c) => ({ ...c, remaining: remainingAmount(c) }))
		.filter((c) => c.remaining > 0)
		.map((c) => {
			const prefill = Math.min(left, c.remaining)
			left -= prefill
			return {
				id: c.id,
				variableSymbol: c.variableSymbol,
				feeType: c.feeType,
				label: c.label,
				year: c.year,
				instalment: c.instalment,
				instalmentCount: c.instalmentCount,
				dueDate: c.dueDate.toISOString().slice(0, 10),
				name: claimDebtorName(c),
				remaining: c.remaining,
				prefill,
			}
		})
	return {
		...split,
		payer: { id: payer.id, name: `${payer.givenName} ${payer.familyName}`, household: payer.household?.label ?? null },
		claims,
		more: rows.length > SPLIT_CLAIMS_LIMIT,
	}
}
