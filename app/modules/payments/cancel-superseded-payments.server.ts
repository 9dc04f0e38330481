// When a claim is settled, an open portal QR payment that covers it could only pay it a second time:
// it is cancelled through the state machine, in the transaction that settled the claim (decision
// 012). Its QR page then says so and shows no code. Money that still arrives on it is credited
// (cancelled -> paid), lands as an overpayment in the office's refund queue, and the citizen is told.
// Card payments still open at a gateway are left alone: the gateway may be taking the money right
// now, and only its answer (notification, webhook, mop-up) may close them; if it pays, the money is an
// overpayment in the same refund queue.
import type pg from 'pg'
import type { Prisma } from '../../generated/tenant/client'
import type { PaymentState, TransitionSource } from '../../generated/tenant/enums'
import { canTransition, transitionPayment } from './payment-states'

const OPEN_QR_STATES = ['created', 'pending'] as const satisfies readonly PaymentState[]

/**
 * Cancels the open QR payments (other than `settledBy`, the payment that settled them) covering any of
 * these claims, settled or closed by the office; returns their ids.
 */
export async function cancelSupersededPayments(
	tx: Prisma.TransactionClient,
	{
		claimIds,
		settledBy,
		source,
		reason = 'claim_settled',
	}: { claimIds: string[]; settledBy: string | null; source: TransitionSource; reason?: 'claim_settled' | 'claim_closed' },
): Promise<string[]> {
	if (claimIds.length === 0) return []
	const open = await tx.payment.findMany({
		where: {
			...(settledBy ? { id: { not: settledBy } } : {}),
			method: 'bank_transfer',
			variableSymbol: { not: null },
			state: { in: [...OPEN_QR_STATES] },
			items: { some: { claimId: { in: claimIds } } },
		},
		orderBy: { id: 'asc' },
		select: { id: true },
	})
	const cancelled: string[] = []
	for (const { id } of open) {
		const result = await transitionPayment(tx, { paymentId: id, to: 'cancelled', source, detail: { reason, settledBy, claimIds } })
		if (result.ok) cancelled.push(id)
	}
	return cancelled
}

/**
 * The same for the set-based crediting of a bank statement (creditClaimTransfers), on its pg client
 * and inside its transaction: the payments are locked, the state machine's table decides, and every
 * change is written to payment_transition as transitionPayment writes it.
 */
export async function cancelSupersededPaymentsSql({
	client,
	schema,
	settled,
	source,
}: {
	client: pg.PoolClient
	schema: string
	settled: { claimId: string; settledBy: string }[]
	source: TransitionSource
}): Promise<string[]> {
	if (settled.length === 0) return []
	const { rows } = await client.query<{ id: string; state: PaymentState; claim_ids: string[] }>(
		`SELECT p.id, p.state::text AS state, array(SELECT i.claim_id::text FROM ${schema}.payment_item i WHERE i.payment_id = p.id) AS claim_ids
		   FROM ${schema}.payment p
		  WHERE p.method = 'bank_transfer' AND p.variable_symbol IS NOT NULL AND p.state::text = ANY($2::text[])
		    AND p.id IN (SELECT payment_id FROM ${schema}.payment_item WHERE claim_id = ANY($1::uuid[]))
		  ORDER BY p.id FOR UPDATE OF p`,
		[settled.map((s) => s.claimId), OPEN_QR_STATES],
	)
	const by = new Map(settled.map((s) => [s.claimId, s.settledBy]))
	const cancel = rows.filter((row) => canTransition(row.state, 'cancelled'))
	for (const row of rows.filter((r) => !canTransition(r.state, 'cancelled')))
		console.warn(JSON.stringify({ msg: 'payment transition refused', paymentId: row.id, from: row.state, to: 'cancelled', source }))
	if (cancel.length === 0) return []
	const details = cancel.map((row) => {
		const claimIds = row.claim_ids.filter((id) => by.has(id))
		return JSON.stringify({ reason: 'claim_settled', settledBy: by.get(claimIds[0]!), claimIds })
	})
	await client.query(`UPDATE ${schema}.payment SET state = 'cancelled', updated_at = now() WHERE id = ANY($1::uuid[])`, [cancel.map((row) => row.id)])
	await client.query(
		`INSERT INTO ${schema}.payment_transition (payment_id, from_state, to_state, source, detail)
		 SELECT id, f::${schema}."PaymentState", 'cancelled', $3::${schema}."TransitionSource", d::jsonb FROM unnest($1::uuid[], $2::text[], $4::text[]) AS t(id, f, d)`,
		[cancel.map((row) => row.id), cancel.map((row) => row.state), source, details],
	)
	return cancel.map((row) => row.id)
}
