import { beforeEach, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { deriveClaimStatus } from './claim-status'
import { creditPayment } from './credit-payment.server'
import { makeVariableSymbol } from './variable-symbol'

const town = await createTown('credit-town')
const db = getTenantDb(town.tenant)
const schema = tenantSchemaName('credit-town')
let seq = 0

async function claim(amount: number, discountAmount: number, due = '2026-05-31') {
	const resident = await db.resident.create({ data: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: new Date('1980-01-01') } })
	seq++
	return db.claim.create({
		data: {
			residentId: resident.id,
			feeType: 'waste',
			year: 2026,
			label: { cs: 'Odpad' },
			baseAmount: amount,
			amount,
			discountPercent: discountAmount ? 20 : 0,
			discountAmount,
			discountUntil: discountAmount ? new Date(due) : null,
			dueDate: new Date(due),
			variableSymbol: makeVariableSymbol(2026, seq),
			generationKey: `t:${seq}`,
		},
	})
}

async function qrPayment(claims: { id: string; amount: number; discountAmount: number }[], discountUntil: string | null) {
	seq++
	return db.payment.create({
		data: {
			method: 'bank_transfer',
			state: 'pending',
			amount: claims.reduce((s, c) => s + c.amount - c.discountAmount, 0),
			variableSymbol: makeVariableSymbol(2026, seq),
			discountUntil: discountUntil ? new Date(discountUntil) : null,
			items: { create: claims.map((c) => ({ claimId: c.id, amount: 0 })) },
		},
	})
}

beforeEach(async () => {
	await sql(`TRUNCATE ${schema}.claim, ${schema}.payment, ${schema}.resident CASCADE`)
})

describe('deriveClaimStatus', () => {
	test.each([
		[0, 0, 'open'],
		[10000, 0, 'partly_paid'],
		[57600, 14400, 'paid'],
		[72000, 0, 'paid'],
		[72100, 0, 'overpaid'],
	] as const)('paid %i + discount %i of 72000 -> %s', (paidAmount, discountGranted, status) => {
		expect(deriveClaimStatus({ amount: 72000, paidAmount, discountGranted, status: 'open' })).toBe(status)
	})
	test('cancelled and written off stay so', () => {
		expect(deriveClaimStatus({ amount: 100, paidAmount: 100, discountGranted: 0, status: 'cancelled' })).toBe('cancelled')
		expect(deriveClaimStatus({ amount: 100, paidAmount: 0, discountGranted: 0, status: 'written_off' })).toBe('written_off')
	})
})

describe('creditPayment', () => {
	test('a portal QR transfer by the due date pays the discounted amount and the claim is paid', async () => {
		const c = await claim(72000, 14400)
		const p = await qrPayment([c], '2026-05-31')
		const result = await db.$transaction((tx) =>
			creditPayment(tx, { paymentId: p.id, received: 57600, receivedAt: new Date('2026-05-30'), source: 'bank_statement' }),
		)
		expect(result).toEqual({ credited: [{ claimId: c.id, amount: 57600, discount: 14400 }], overpaid: 0 })
		const after = await db.claim.findUniqueOrThrow({ where: { id: c.id }, include: { events: true } })
		expect([after.status, after.paidAmount, after.discountGranted]).toEqual(['paid', 57600, 14400])
		expect(after.events.map((e) => [e.kind, e.amount])).toEqual([['payment', 57600]])
		const pay = await db.payment.findUniqueOrThrow({ where: { id: p.id }, include: { transitions: true } })
		expect(pay.state).toBe('paid')
		expect(pay.transitions.map((t) => [t.fromState, t.toState, t.source])).toEqual([['pending', 'paid', 'bank_statement']])
	})

	test('after the due date no discount: the same money leaves the claim partly paid', async () => {
		const c = await claim(72000, 14400)
		const p = await qrPayment([c], '2026-05-31')
		await db.$transaction((tx) => creditPayment(tx, { paymentId: p.id, received: 57600, receivedAt: new Date('2026-06-01'), source: 'bank_statement' }))
		const after = await db.claim.findUniqueOrThrow({ where: { id: c.id } })
		expect([after.status, after.paidAmount, after.discountGranted]).toEqual(['partly_paid', 57600, 0])
	})

	test('one payment for several claims pays them in due order, the extra is kept as overpayment', async () => {
		const a = await claim(50000, 0, '2026-03-31')
		const b = await claim(30000, 0, '2026-09-30')
		const p = await qrPayment([a, b], null)
		const result = await db.$transaction((tx) =>
			creditPayment(tx, { paymentId: p.id, received: 81000, receivedAt: new Date('2026-03-01'), source: 'bank_statement' }),
		)
		expect(result.overpaid).toBe(1000)
		const [ca, cb] = await Promise.all([db.claim.findUniqueOrThrow({ where: { id: a.id } }), db.claim.findUniqueOrThrow({ where: { id: b.id } })])
		expect([ca.status, ca.paidAmount, cb.status, cb.paidAmount]).toEqual(['paid', 50000, 'overpaid', 31000])
		expect((await db.payment.findUniqueOrThrow({ where: { id: p.id } })).overpaidAmount).toBe(1000)
	})

	test('bad input changes nothing', async () => {
		const c = await claim(72000, 0)
		const p = await qrPayment([c], null)
		await expect(db.$transaction((tx) => creditPayment(tx, { paymentId: p.id, received: 0, receivedAt: new Date(), source: 'clerk' }))).rejects.toThrow(
			/positive/,
		)
		await db.payment.update({ where: { id: p.id }, data: { state: 'refunded' } })
		await expect(db.$transaction((tx) => creditPayment(tx, { paymentId: p.id, received: 100, receivedAt: new Date(), source: 'clerk' }))).rejects.toThrow(
			/cannot be paid/,
		)
		const after = await db.claim.findUniqueOrThrow({ where: { id: c.id } })
		expect([after.status, after.paidAmount]).toEqual(['open', 0])
	})
})
