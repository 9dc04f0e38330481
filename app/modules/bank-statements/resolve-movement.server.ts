// A clerk resolves a movement from the unmatched queue: matches it to a claim (the money is credited
// like any bank transfer to that claim's VS: full amount, no discount) or marks it ignored. Both need
// a note, both are audited, and both refuse a movement that is no longer unmatched (two clerks).
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { recordAudit } from '../audit/record-audit.server'
import { creditMovement, type MatchOutcome } from './match-movements.server'

type Common = { db: TenantDb; movementId: string; note: string; staffId: string; ip?: string | null; requestId?: string | null }

async function lockUnmatched(tx: Parameters<Parameters<TenantDb['$transaction']>[0]>[0], movementId: string, kinds: ('credit' | 'reversal')[]) {
	const locked = await tx.bankMovement.updateMany({ where: { id: movementId, matchStatus: 'unmatched', kind: { in: kinds } }, data: { matchedAt: new Date() } })
	if (locked.count !== 1) throw new AppError('input_invalid', 'The movement is not waiting in the unmatched queue')
	return tx.bankMovement.findUniqueOrThrow({ where: { id: movementId } })
}

export async function matchMovementToClaim({
	db,
	movementId,
	claimId,
	note,
	staffId,
	ip = null,
	requestId = null,
}: Common & { claimId: string }): Promise<MatchOutcome> {
	return db.$transaction(async (tx) => {
		const movement = await lockUnmatched(tx, movementId, ['credit'])
		const claim = await tx.claim.findUnique({ where: { id: claimId }, select: { id: true, status: true } })
		if (!claim || claim.status === 'cancelled' || claim.status === 'written_off') throw new AppError('input_invalid', 'The claim does not exist or is closed')
		const amount = Number(movement.amount)
		if (amount > 2_147_483_647) throw new AppError('input_invalid', 'The amount is too large for one claim')
		const outcome = await creditMovement(tx, {
			movement: { id: movement.id, amount, bookingDate: movement.bookingDate.toISOString().slice(0, 10) },
			claimId,
			source: 'clerk',
			actor: staffId,
		})
		await tx.bankMovement.update({ where: { id: movementId }, data: { note } })
		await tx.claimEvent.create({ data: { claimId, kind: 'manual_match', amount, actor: staffId, detail: { reason: note, movementId } } })
		await recordAudit(tx, {
			action: 'bank.movement_matched',
			staffId,
			subject: `BankMovement:${movementId}`,
			details: { automatic: false, claimId, amount, outcome, note },
			ip,
			requestId,
		})
		return outcome
	})
}

export async function ignoreMovement({ db, movementId, note, staffId, ip = null, requestId = null }: Common): Promise<void> {
	await db.$transaction(async (tx) => {
		const movement = await lockUnmatched(tx, movementId, ['credit', 'reversal'])
		await tx.bankMovement.update({ where: { id: movementId }, data: { matchStatus: 'ignored', note, matchedBy: staffId, matchedAt: new Date() } })
		await recordAudit(tx, {
			action: 'bank.movement_ignored',
			staffId,
			subject: `BankMovement:${movementId}`,
			details: { amount: Number(movement.amount), note },
			ip,
			requestId,
		})
	})
}
