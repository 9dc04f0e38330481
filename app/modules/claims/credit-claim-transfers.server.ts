// The set-based twin of creditPayment for the bulk case of a bank statement: transfers that carry a
// claim's own VS. Each such transfer is one new bank_transfer payment for exactly one claim with no
// discount (the letter's VS pays the full amount, decision 007), so crediting is arithmetic that fits
// a handful of statements per chunk instead of ~15 round trips per transfer. It writes what
// creditPayment writes (payment created -> paid with its transition, the item, the claim's paid amount
// and derived status, a payment claim event, the cancelled QR payments the claim no longer needs) and
// credit-claim-transfers.test.ts holds the two equal.
// Portal QR payments (discounts, several claims) still go through creditPayment.
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { ClaimStatus } from '../../generated/tenant/enums'
import { cancelSupersededPaymentsSql } from '../payments/cancel-superseded-payments.server'
import { remainingAmount } from './claim-balance'
import { deriveClaimStatus } from './claim-status'

export type ClaimTransfer = { movementId: string; claimId: string; amount: number; variableSymbol?: string }
export type CreditedTransfer = ClaimTransfer & { paymentId: string; outcome: 'paid' | 'partly' | 'overpaid' }

/**
 * Credits transfers to claims inside the caller's transaction on `client`. A claim may appear only
 * once per call (callers split repeats into rounds), so every transfer sees the claim as it was.
 */
export async function creditClaimTransfers({
	client,
	schema,
	transfers,
	actor,
	staffId = null,
}: {
	client: pg.PoolClient
	schema: string
	transfers: ClaimTransfer[]
	actor: string
	staffId?: string | null
}): Promise<CreditedTransfer[]> {
	if (transfers.length === 0) return []
	if (new Set(transfers.map((t) => t.claimId)).size !== transfers.length) throw new Error('creditClaimTransfers: a claim appears twice in one call')
	const claimIds = transfers.map((t) => t.claimId)
	// Row locks in id order, as creditPayment takes them, so the two never deadlock.
	const { rows } = await client.query<{ id: string; amount: number; paid_amount: number; discount_granted: number; status: ClaimStatus }>(
		`SELECT id, amount, paid_amount, discount_granted, status FROM ${schema}.claim WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
		[claimIds],
	)
	const claims = new Map(rows.map((row) => [row.id, row]))
	const credited: (CreditedTransfer & { paidAmount: number; status: ClaimStatus; overpaid: number })[] = []
	for (const transfer of transfers) {
		const claim = claims.get(transfer.claimId)
		if (!claim) throw new Error(`creditClaimTransfers: claim ${transfer.claimId} not found`)
		const remaining = remainingAmount({ amount: claim.amount, paidAmount: claim.paid_amount, discountGranted: claim.discount_granted })
		const paidAmount = claim.paid_amount + transfer.amount
		const status = deriveClaimStatus({ amount: claim.amount, paidAmount, discountGranted: claim.discount_granted, status: claim.status })
		const overpaid = Math.max(0, transfer.amount - remaining)
		const outcome = overpaid > 0 ? 'overpaid' : status === 'paid' ? 'paid' : 'partly'
		credited.push({ ...transfer, paymentId: randomUUID(), paidAmount, status, overpaid, outcome })
	}
	const col = <T>(pick: (c: (typeof credited)[number]) => T) => credited.map(pick)
	await client.query(
		`INSERT INTO ${schema}.payment (id, method, state, amount, provider_payment_id, paid_amount, overpaid_amount, paid_at)
		 SELECT id, 'bank_transfer', 'paid', a, 'bank:' || m, a, o, now() FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[]) AS t(id, a, m, o)`,
		[col((c) => c.paymentId), col((c) => c.amount), col((c) => c.movementId), col((c) => c.overpaid)],
	)
	await client.query(
		`INSERT INTO ${schema}.payment_transition (payment_id, from_state, to_state, source, detail)
		 SELECT id, 'created', 'paid', 'bank_statement', jsonb_build_object('received', a) FROM unnest($1::uuid[], $2::int[]) AS t(id, a)`,
		[col((c) => c.paymentId), col((c) => c.amount)],
	)
	await client.query(
		`INSERT INTO ${schema}.payment_item (payment_id, claim_id, amount, discount) SELECT p, c, a, 0 FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t(p, c, a)`,
		[col((c) => c.paymentId), col((c) => c.claimId), col((c) => c.amount)],
	)
	await client.query(
		`UPDATE ${schema}.claim SET paid_amount = t.p, status = t.s::${schema}."ClaimStatus", updated_at = now()
		   FROM unnest($1::uuid[], $2::int[], $3::text[]) AS t(id, p, s) WHERE claim.id = t.id`,
		[col((c) => c.claimId), col((c) => c.paidAmount), col((c) => c.status)],
	)
	await client.query(
		`INSERT INTO ${schema}.claim_event (claim_id, kind, amount, payment_id, actor, detail)
		 SELECT c, 'payment', a, p, $4, '{"discount":0,"method":"bank_transfer","source":"bank_statement"}'::jsonb FROM unnest($1::uuid[], $2::int[], $3::uuid[]) AS t(c, a, p)`,
		[col((c) => c.claimId), col((c) => c.amount), col((c) => c.paymentId), actor],
	)
	await client.query(
		`UPDATE ${schema}.bank_movement SET match_status = 'matched', payment_id = t.p, matched_by = $3, matched_at = now()
		   FROM unnest($1::uuid[], $2::uuid[]) AS t(id, p) WHERE bank_movement.id = t.id`,
		[col((c) => c.movementId), col((c) => c.paymentId), actor],
	)
	await client.query(
		`INSERT INTO ${schema}.audit_log (action, staff_id, subject, details)
		 SELECT 'bank.movement_matched', $5::uuid, 'BankMovement:' || m,
		        jsonb_build_object('automatic', true, 'actor', $6::text, 'outcome', o, 'amount', a, 'variableSymbol', vs, 'claimId', c)
		   FROM unnest($1::uuid[], $2::text[], $3::int[], $4::uuid[], $7::text[]) AS t(m, o, a, c, vs)`,
		[col((c) => c.movementId), col((c) => c.outcome), col((c) => c.amount), col((c) => c.claimId), staffId, actor, col((c) => c.variableSymbol ?? null)],
	)
	// A claim this settles closes the other open QR payments covering it, as creditPayment does.
	const settled = credited.filter((c) => c.status === 'paid' || c.status === 'overpaid').map((c) => ({ claimId: c.claimId, settledBy: c.paymentId }))
	await cancelSupersededPaymentsSql({ client, schema, settled, source: 'bank_statement' })
	return credited.map(({ movementId, claimId, amount, variableSymbol, paymentId, outcome }) => ({
		movementId,
		claimId,
		amount,
		variableSymbol,
		paymentId,
		outcome,
	}))
}
