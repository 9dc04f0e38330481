// Automatic matching of newly stored credits (decision 007): VS of an open portal QR payment -> that
// payment; VS of a claim -> a new bank_transfer payment for that claim (full amount, no discount: the
// claim's own VS is the one printed on the letter); otherwise the clerk queue. The lookups are two
// batched queries per chunk, so the non-matching majority costs no round trips of its own; matched
// transfers to a claim's VS are credited set-based in one transaction per chunk
// (creditClaimTransfers), portal QR payments one by one through creditPayment.
import type pg from 'pg'
import type { Prisma } from '../../generated/tenant/client'
import { creditClaimTransfers } from '../claims/credit-claim-transfers.server'
import { creditPayment } from '../claims/credit-payment.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { StoredMovement } from './insert-movements.server'

const LOOKUP_CHUNK = 5000
const CREDIT_CHUNK = 1000
const MAX_INT = 2_147_483_647
// A cancelled portal payment still takes its money (decision 012): it is credited as an overpayment
// and waits in the office's refund queue, rather than sitting unexplained in the clerk's queue.
const OPEN_PORTAL_STATES = new Set(['created', 'pending', 'expired', 'cancelled'])
const CLOSED_CLAIM = new Set(['cancelled', 'written_off'])

export type MatchOutcome = 'paid' | 'partly' | 'overpaid'
export type MatchCounts = { matched: number; paid: number; partly: number; overpaid: number; unmatched: number; matchedAmount: number; unmatchedAmount: number }

type Target = { movement: StoredMovement; portalPaymentId?: string; claimId?: string }

/** A bank VS has no leading zeros; portal symbols are always 10 digits. */
export const paddedSymbol = (vs: string) => vs.padStart(10, '0')

async function findTargets(pool: pg.Pool, schema: string, credits: StoredMovement[]): Promise<Target[]> {
	const targets: Target[] = []
	for (let start = 0; start < credits.length; start += LOOKUP_CHUNK) {
		const chunk = credits.slice(start, start + LOOKUP_CHUNK).filter((m) => m.variableSymbol && m.variableSymbol.length <= 10 && m.amount <= MAX_INT)
		const symbols = [...new Set(chunk.map((m) => paddedSymbol(m.variableSymbol!)))]
		if (symbols.length === 0) continue
		const [payments, claims] = await Promise.all([
			pool.query<{ id: string; vs: string; state: string }>(
				`SELECT id, variable_symbol AS vs, state::text FROM ${schema}.payment WHERE method = 'bank_transfer' AND variable_symbol = ANY($1::text[])`,
				[symbols],
			),
			pool.query<{ id: string; vs: string; status: string }>(
				`SELECT id, variable_symbol AS vs, status::text FROM ${schema}.claim WHERE variable_symbol = ANY($1::text[])`,
				[symbols],
			),
		])
		const paymentBySymbol = new Map(payments.rows.filter((p) => OPEN_PORTAL_STATES.has(p.state)).map((p) => [p.vs, p.id]))
		const claimBySymbol = new Map(claims.rows.filter((c) => !CLOSED_CLAIM.has(c.status)).map((c) => [c.vs, c.id]))
		const usedPayments = new Set<string>()
		for (const movement of chunk) {
			const vs = paddedSymbol(movement.variableSymbol!)
			const portalPaymentId = paymentBySymbol.get(vs)
			// A portal payment is paid by its first transfer; a second one with the same VS goes to the clerk.
			if (portalPaymentId && !usedPayments.has(portalPaymentId)) {
				usedPayments.add(portalPaymentId)
				targets.push({ movement, portalPaymentId })
				continue
			}
			const claimId = claimBySymbol.get(vs)
			if (claimId) targets.push({ movement, claimId })
		}
	}
	return targets
}

/** Credits one movement to a claim or portal payment inside the caller's transaction. */
export async function creditMovement(
	tx: Prisma.TransactionClient,
	{
		movement,
		portalPaymentId,
		claimId,
		source,
		actor,
	}: {
		movement: { id: string; amount: number; bookingDate: string }
		portalPaymentId?: string
		claimId?: string
		source: 'bank_statement' | 'clerk'
		actor: string
	},
): Promise<MatchOutcome> {
	let paymentId = portalPaymentId
	if (!paymentId) {
		// The provider id ties the payment to the movement: crediting it twice is refused by the unique key.
		const payment = await tx.payment.create({
			data: {
				method: 'bank_transfer',
				state: 'created',
				amount: movement.amount,
				providerPaymentId: `bank:${movement.id}`,
				items: { create: [{ claimId: claimId!, amount: 0 }] },
			},
		})
		paymentId = payment.id
	}
	const result = await creditPayment(tx, { paymentId, received: movement.amount, receivedAt: new Date(`${movement.bookingDate}T00:00:00Z`), source, actor })
	await tx.bankMovement.update({ where: { id: movement.id }, data: { matchStatus: 'matched', paymentId, matchedBy: actor, matchedAt: new Date() } })
	if (result.overpaid > 0) return 'overpaid'
	const statuses = await tx.claim.findMany({ where: { id: { in: result.credited.map((c) => c.claimId) } }, select: { status: true } })
	return statuses.some((c) => c.status === 'partly_paid' || c.status === 'open') ? 'partly' : 'paid'
}

/** Repeats of a claim go to later rounds, so each bulk call sees every claim once. */
function intoRounds(targets: Target[]): Target[][] {
	const rounds: Target[][] = []
	const seen = new Map<string, number>()
	for (const target of targets) {
		const round = seen.get(target.claimId!) ?? 0
		seen.set(target.claimId!, round + 1)
		;(rounds[round] ??= []).push(target)
	}
	return rounds
}

export async function matchMovements({
	db,
	pool,
	schema,
	credits,
	actor,
	staffId,
	onChunk,
}: {
	db: TenantDb
	pool: pg.Pool
	schema: string
	credits: StoredMovement[]
	actor: string
	staffId?: string | null
	onChunk?: (done: number, total: number) => void
}): Promise<MatchCounts> {
	const counts: MatchCounts = { matched: 0, paid: 0, partly: 0, overpaid: 0, unmatched: 0, matchedAmount: 0, unmatchedAmount: 0 }
	const targets = await findTargets(pool, schema, credits)
	let done = 0
	const record = (target: Target, outcome: MatchOutcome) => {
		counts.matched++
		counts[outcome]++
		counts.matchedAmount += target.movement.amount
	}
	const audit = (tx: Prisma.TransactionClient, list: { target: Target; outcome: MatchOutcome }[]) =>
		tx.auditLog.createMany({
			data: list.map(({ target, outcome }) => ({
				action: 'bank.movement_matched',
				staffId: staffId ?? null,
				subject: `BankMovement:${target.movement.id}`,
				details: {
					automatic: true,
					actor,
					outcome,
					amount: target.movement.amount,
					variableSymbol: target.movement.variableSymbol ?? null,
					...(target.claimId ? { claimId: target.claimId } : { paymentId: target.portalPaymentId! }),
				},
			})),
		})
	/** The canonical path, one transaction per movement: portal payments, and any bulk chunk that failed. */
	const creditOneByOne = async (list: Target[]) => {
		for (const target of list) {
			try {
				const outcome = await db.$transaction(async (tx) => {
					const result = await creditMovement(tx, { ...target, source: 'bank_statement', actor })
					await audit(tx, [{ target, outcome: result }])
					return result
				})
				record(target, outcome)
			} catch (error) {
				// A failure stays in the clerk queue rather than stopping the import.
				console.warn(JSON.stringify({ msg: 'bank movement could not be credited automatically', movementId: target.movement.id, error: String(error) }))
			}
			onChunk?.(++done, targets.length)
		}
	}
	await creditOneByOne(targets.filter((t) => t.portalPaymentId))
	for (const round of intoRounds(targets.filter((t) => t.claimId))) {
		for (let start = 0; start < round.length; start += CREDIT_CHUNK) {
			const chunk = round.slice(start, start + CREDIT_CHUNK)
			const client = await pool.connect()
			let credited: Awaited<ReturnType<typeof creditClaimTransfers>> | null = null
			try {
				await client.query('BEGIN')
				credited = await creditClaimTransfers({
					client,
					schema,
					actor,
					staffId,
					transfers: chunk.map((t) => ({
						movementId: t.movement.id,
						claimId: t.claimId!,
						amount: t.movement.amount,
						...(t.movement.variableSymbol ? { variableSymbol: t.movement.variableSymbol } : {}),
					})),
				})
				await client.query('COMMIT')
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {})
				console.warn(JSON.stringify({ msg: 'bulk crediting failed, crediting one by one', error: String(error) }))
			} finally {
				client.release()
			}
			if (credited) {
				credited.forEach((c, i) => record(chunk[i]!, c.outcome))
				done += chunk.length
				onChunk?.(done, targets.length)
			} else await creditOneByOne(chunk)
		}
	}
	const total = credits.reduce((sum, m) => sum + m.amount, 0)
	counts.unmatched = credits.length - counts.matched
	counts.unmatchedAmount = total - counts.matchedAmount
	return counts
}
