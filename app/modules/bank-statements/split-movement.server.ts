// A clerk splits one bank movement over several claims of one payer (issue 11.4, decision 009):
// an unmatched credit becomes one bank_transfer payment (created -> paid through the payment state
// machine, source clerk) with one item per chosen claim; an auto-matched credit whose payment is
// overpaid (500 Kč on a 360 Kč claim) hands its overpayment on to other claims of the same payer.
// Each claim gets exactly the amount the clerk typed (never more than it still needs); what is left
// stays on the payment as its overpayment. One transaction, one audit entry. Not creditPayment:
// its rule is "earliest due first, leftover on the last claim", the clerk's split is explicit.
import type { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import { deriveClaimStatus } from '../claims/claim-status'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { remainingAmount } from '../claims/claim-balance'
import { cancelSupersededPayments } from '../payments/cancel-superseded-payments.server'
import { transitionPayment } from '../payments/payment-states'
import { isInPayerGroup } from './payer-group.server'

type Tx = Prisma.TransactionClient

export type SplitAllocation = { claimId: string; amount: number }
export type SplitReason =
	| 'not_splittable'
	| 'changed'
	| 'no_claims'
	| 'amount_invalid'
	| 'duplicate_claim'
	| 'payer_not_found'
	| 'claim_not_found'
	| 'claim_closed'
	| 'other_household'
	| 'over_remaining'
	| 'sum_too_high'
export type SplitErrorDetail = { claimId?: string; variableSymbol?: string; remaining?: number; sum?: number; available?: number }

/** A refused split; `reason` is a message key the route translates, nothing was changed. */
export class SplitError extends AppError {
	constructor(
		readonly reason: SplitReason,
		readonly detail: SplitErrorDetail = {},
	) {
		super('input_invalid', `split refused: ${reason}`)
		this.name = 'SplitError'
	}
}

export type SplitInput = {
	db: TenantDb
	movementId: string
	payerResidentId: string
	allocations: SplitAllocation[]
	note: string
	/** The amount the clerk saw as available; a double submit or a second clerk finds it changed. */
	expectedAvailable: number
	staffId: string
	ip?: string | null
	requestId?: string | null
}
export type SplitResult = { mode: 'unmatched' | 'overpayment'; paymentId: string; allocated: number; remainder: number }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function checkShape(allocations: SplitAllocation[]) {
	if (allocations.length === 0) throw new SplitError('no_claims')
	for (const a of allocations) {
		if (!UUID.test(a.claimId)) throw new SplitError('claim_not_found', { claimId: a.claimId })
		if (!Number.isInteger(a.amount) || a.amount <= 0) throw new SplitError('amount_invalid', { claimId: a.claimId })
	}
	if (new Set(allocations.map((a) => a.claimId)).size !== allocations.length) throw new SplitError('duplicate_claim')
}

/** The chosen claims exist in this town, are open to payment and belong to the payer's person/household. */
async function checkClaims(tx: Tx, payerResidentId: string, allocations: SplitAllocation[]) {
	const payer = UUID.test(payerResidentId)
		? await tx.resident.findUnique({ where: { id: payerResidentId }, select: { id: true, householdId: true, personId: true } })
		: null
	if (!payer) throw new SplitError('payer_not_found')
	const claims = await tx.claim.findMany({
		where: { id: { in: allocations.map((a) => a.claimId) } },
		include: { resident: { select: { id: true, householdId: true, personId: true } } },
	})
	for (const { claimId } of allocations) {
		const claim = claims.find((c) => c.id === claimId)
		// A claim of another town is not in this town's schema at all.
		if (!claim) throw new SplitError('claim_not_found', { claimId })
		if (claim.status === 'cancelled' || claim.status === 'written_off') throw new SplitError('claim_closed', { claimId, variableSymbol: claim.variableSymbol })
		if (!claim.resident || !isInPayerGroup(payer, claim.resident)) throw new SplitError('other_household', { claimId, variableSymbol: claim.variableSymbol })
	}
}

/** Row locks in id order (as creditPayment takes them), then the claims as they are now. */
async function lockClaims(tx: Tx, ids: string[]) {
	const sorted = [...new Set(ids)].sort()
	for (const id of sorted) await tx.claim.update({ where: { id }, data: { updatedAt: new Date() } })
	return new Map((await tx.claim.findMany({ where: { id: { in: sorted } } })).map((c) => [c.id, c]))
}

type LockedClaims = Awaited<ReturnType<typeof lockClaims>>

/** An overpayment the payment had parked on its own claims (e.g. 140 Kč on a 360 Kč claim) comes off them first. */
async function releaseParkedOverpayment(
	tx: Tx,
	{
		payment,
		claims,
		movementId,
		note,
		staffId,
	}: {
		payment: { id: string; overpaidAmount: number; items: { id: string; claimId: string; amount: number }[] }
		claims: LockedClaims
		movementId: string
		note: string
		staffId: string
	},
) {
	let left = payment.overpaidAmount
	const released: { claimId: string; variableSymbol: string; amount: number }[] = []
	for (const item of payment.items) {
		const claim = claims.get(item.claimId)!
		const take = Math.min(left, item.amount, Math.max(0, claim.paidAmount + claim.discountGranted - claim.amount))
		if (take <= 0) continue
		left -= take
		const paidAmount = claim.paidAmount - take
		const updated = { ...claim, paidAmount, status: deriveClaimStatus({ ...claim, paidAmount }) }
		await tx.claim.update({ where: { id: claim.id }, data: { paidAmount, status: updated.status } })
		await tx.paymentItem.update({ where: { id: item.id }, data: { amount: item.amount - take } })
		await tx.claimEvent.create({
			data: {
				claimId: claim.id,
				kind: 'manual_match',
				amount: -take,
				paymentId: payment.id,
				actor: staffId,
				detail: { reason: note, movementId, split: 'moved_to_other_claims' },
			},
		})
		claims.set(claim.id, updated)
		released.push({ claimId: claim.id, variableSymbol: claim.variableSymbol, amount: take })
	}
	return released
}

async function allocate(
	tx: Tx,
	{
		paymentId,
		allocations,
		claims,
		existingItems,
		movementId,
		note,
		staffId,
	}: {
		paymentId: string
		allocations: SplitAllocation[]
		claims: LockedClaims
		existingItems: { id: string; claimId: string; amount: number }[]
		movementId: string
		note: string
		staffId: string
	},
) {
	for (const { claimId, amount } of allocations) {
		const claim = claims.get(claimId)!
		// Checked again under the row lock: a clerk may have closed the claim meanwhile.
		if (claim.status === 'cancelled' || claim.status === 'written_off') throw new SplitError('claim_closed', { claimId, variableSymbol: claim.variableSymbol })
		const remaining = remainingAmount(claim)
		if (amount > remaining) throw new SplitError('over_remaining', { claimId, variableSymbol: claim.variableSymbol, remaining })
	}
	const settled: string[] = []
	for (const { claimId, amount } of allocations) {
		const claim = claims.get(claimId)!
		const paidAmount = claim.paidAmount + amount
		const status = deriveClaimStatus({ ...claim, paidAmount })
		if (status === 'paid' || status === 'overpaid') settled.push(claimId)
		await tx.claim.update({ where: { id: claimId }, data: { paidAmount, status } })
		const item = existingItems.find((i) => i.claimId === claimId)
		if (item) await tx.paymentItem.update({ where: { id: item.id }, data: { amount: item.amount + amount } })
		else await tx.paymentItem.create({ data: { paymentId, claimId, amount } })
		await tx.claimEvent.create({
			data: { claimId, kind: 'payment', amount, paymentId, actor: staffId, detail: { discount: 0, method: 'bank_transfer', source: 'clerk' } },
		})
		await tx.claimEvent.create({
			data: { claimId, kind: 'manual_match', amount, paymentId, actor: staffId, detail: { reason: note, movementId, split: true } },
		})
	}
	// A claim the split settles must not be paid again through an open portal QR payment (decision 012).
	await cancelSupersededPayments(tx, { claimIds: settled, settledBy: paymentId, source: 'clerk' })
}

export async function splitMovement(input: SplitInput): Promise<SplitResult> {
	const { db, movementId, allocations, note, staffId } = input
	checkShape(allocations)
	const sum = allocations.reduce((total, a) => total + a.amount, 0)
	return db.$transaction(async (tx) => {
		const movement = await tx.bankMovement.findUnique({ where: { id: movementId } })
		if (!movement || movement.kind !== 'credit' || movement.matchStatus === 'ignored') throw new SplitError('not_splittable')
		const amount = Number(movement.amount)
		let mode: SplitResult['mode']
		let paymentId: string
		let available: number
		let released: { claimId: string; variableSymbol: string; amount: number }[] = []
		if (movement.matchStatus === 'unmatched') {
			mode = 'unmatched'
			// The movement's row lock serialises two clerks (and a double submit): the second finds it matched.
			const locked = await tx.bankMovement.updateMany({ where: { id: movementId, matchStatus: 'unmatched' }, data: { matchedAt: new Date() } })
			if (locked.count !== 1) throw new SplitError('changed')
			available = amount
			if (available > 2_147_483_647) throw new SplitError('not_splittable')
			if (input.expectedAvailable !== available) throw new SplitError('changed')
			if (sum > available) throw new SplitError('sum_too_high', { sum, available })
			await checkClaims(tx, input.payerResidentId, allocations)
			const claims = await lockClaims(
				tx,
				allocations.map((a) => a.claimId),
			)
			// The provider id ties the payment to the movement, as an automatic match does: never twice.
			const payment = await tx.payment.create({ data: { method: 'bank_transfer', state: 'created', amount, providerPaymentId: `bank:${movement.id}` } })
			paymentId = payment.id
			const moved = await transitionPayment(tx, { paymentId, to: 'paid', source: 'clerk', detail: { received: amount, split: true } })
			if (!moved.ok) throw new SplitError('not_splittable')
			await allocate(tx, { paymentId, allocations, claims, existingItems: [], movementId, note, staffId })
			await tx.payment.update({ where: { id: paymentId }, data: { paidAmount: amount, overpaidAmount: available - sum } })
			await tx.bankMovement.update({ where: { id: movementId }, data: { matchStatus: 'matched', paymentId, matchedBy: staffId, note } })
		} else {
			mode = 'overpayment'
			if (!movement.paymentId) throw new SplitError('not_splittable')
			paymentId = movement.paymentId
			// The payment's row lock serialises this with a second split, a reversal and crediting.
			await tx.payment.updateMany({ where: { id: paymentId }, data: { updatedAt: new Date() } })
			if (await tx.bankMovement.count({ where: { reversedMovementId: movementId } })) throw new SplitError('not_splittable')
			const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { items: true } })
			if (payment.method !== 'bank_transfer' || payment.state !== 'paid' || payment.overpaidAmount <= 0) throw new SplitError('not_splittable')
			available = payment.overpaidAmount
			if (input.expectedAvailable !== available) throw new SplitError('changed')
			if (sum > available) throw new SplitError('sum_too_high', { sum, available })
			await checkClaims(tx, input.payerResidentId, allocations)
			const claims = await lockClaims(tx, [...payment.items.map((i) => i.claimId), ...allocations.map((a) => a.claimId)])
			released = await releaseParkedOverpayment(tx, { payment, claims, movementId, note, staffId })
			const items = await tx.paymentItem.findMany({ where: { paymentId } })
			await allocate(tx, { paymentId, allocations, claims, existingItems: items, movementId, note, staffId })
			await tx.payment.update({ where: { id: paymentId }, data: { overpaidAmount: available - sum } })
		}
		const symbols = new Map(
			(await tx.claim.findMany({ where: { id: { in: allocations.map((a) => a.claimId) } }, select: { id: true, variableSymbol: true } })).map((c) => [
				c.id,
				c.variableSymbol,
			]),
		)
		await recordAudit(tx, {
			action: 'bank.movement_split',
			staffId,
			subject: `BankMovement:${movementId}`,
			ip: input.ip ?? null,
			requestId: input.requestId ?? null,
			details: {
				mode,
				movementId,
				paymentId,
				amount,
				available,
				payerResidentId: input.payerResidentId,
				note,
				allocations: allocations.map((a) => ({ claimId: a.claimId, variableSymbol: symbols.get(a.claimId) ?? null, amount: a.amount })),
				releasedFrom: released,
				remainder: available - sum,
			},
		})
		return { mode, paymentId, allocated: sum, remainder: available - sum }
	})
}
