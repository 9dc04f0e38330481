import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getPool } from '../db/pool.server'
import { quoteIdent } from '../db/schema-name'
import { getTenantDb } from '../db/tenant-db.server'
import { creditClaimTransfers } from './credit-claim-transfers.server'
import { creditPayment } from './credit-payment.server'
import { makeVariableSymbol } from './variable-symbol'

// The bulk path must leave exactly what creditPayment leaves for a transfer to a claim's own VS.
const town = await createTown('bulk-credit-town')
const db = getTenantDb(town.tenant)
let seq = 0

async function claim(amount: number, paidAmount: number) {
	const resident = await db.resident.create({ data: { givenName: 'Petr', familyName: 'Svoboda', dateOfBirth: new Date('1970-01-01') } })
	seq++
	return db.claim.create({
		data: {
			residentId: resident.id,
			feeType: 'waste',
			year: 2026,
			label: { cs: 'Odpad' },
			baseAmount: amount,
			amount,
			discountPercent: 20,
			discountAmount: amount / 5,
			discountUntil: new Date('2026-12-31'),
			dueDate: new Date('2026-12-31'),
			variableSymbol: makeVariableSymbol(2026, seq),
			generationKey: `b:${seq}`,
			paidAmount,
			status: paidAmount ? 'partly_paid' : 'open',
		},
	})
}

async function snapshot(claimId: string) {
	const c = await db.claim.findUniqueOrThrow({
		where: { id: claimId },
		include: { events: true, items: { include: { payment: { include: { transitions: true } } } } },
	})
	return {
		claim: [c.status, c.paidAmount, c.discountGranted],
		events: c.events.map((e) => [e.kind, e.amount, e.detail]),
		items: c.items.map((i) => [
			i.amount,
			i.discount,
			i.payment.method,
			i.payment.state,
			i.payment.amount,
			i.payment.paidAmount,
			i.payment.overpaidAmount,
			i.payment.transitions.map((t) => [t.fromState, t.toState, t.source]),
		]),
	}
}

describe('creditClaimTransfers equals creditPayment for a transfer to a claim VS', () => {
	test.each([
		['partly', 72000, 0, 36000],
		['exact', 72000, 0, 72000],
		['over', 72000, 0, 80000],
		['rest of a partly paid claim', 72000, 30000, 42000],
		['more on a partly paid claim', 72000, 30000, 50000],
	])('%s', async (_name, amount, paid, received) => {
		const viaPayment = await claim(amount, paid)
		const viaBulk = await claim(amount, paid)
		await db.$transaction(async (tx) => {
			const p = await tx.payment.create({
				data: {
					method: 'bank_transfer',
					state: 'created',
					amount: received,
					providerPaymentId: `t:${viaPayment.id}`,
					items: { create: [{ claimId: viaPayment.id, amount: 0 }] },
				},
			})
			await creditPayment(tx, { paymentId: p.id, received, receivedAt: new Date('2026-05-01'), source: 'bank_statement', actor: 'test' })
		})
		const client = await getPool().connect()
		try {
			await client.query('BEGIN')
			const [result] = await creditClaimTransfers({
				client,
				schema: quoteIdent(town.schema),
				actor: 'test',
				transfers: [{ movementId: crypto.randomUUID(), claimId: viaBulk.id, amount: received }],
			})
			await client.query('COMMIT')
			expect(result!.outcome).toBe(received > amount - paid ? 'overpaid' : received === amount - paid ? 'paid' : 'partly')
		} finally {
			client.release()
		}
		expect(await snapshot(viaBulk.id)).toEqual(await snapshot(viaPayment.id))
	})

	test('a claim twice in one call is refused', async () => {
		const c = await claim(1000, 0)
		const client = await getPool().connect()
		try {
			const transfers = [
				{ movementId: crypto.randomUUID(), claimId: c.id, amount: 1 },
				{ movementId: crypto.randomUUID(), claimId: c.id, amount: 2 },
			]
			await expect(creditClaimTransfers({ client, schema: quoteIdent(town.schema), actor: 'test', transfers })).rejects.toThrow(/twice/)
		} finally {
			client.release()
		}
	})
})
