import { describe, expect, test, vi } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { canTransition, PAYMENT_STATES, transitionPayment } from './payment-states'

describe('payment transition table', () => {
	test.each([
		['created', 'pending', true],
		['pending', 'paid', true],
		['expired', 'paid', true],
		['paid', 'refunded', true],
		['paid', 'partially_refunded', true],
		['partially_refunded', 'refunded', true],
		['paid', 'pending', false],
		['refunded', 'paid', false],
		['pending', 'refunded', false],
		['cancelled', 'pending', false],
	] as const)('%s -> %s allowed: %s', (from, to, allowed) => {
		expect(canTransition(from, to)).toBe(allowed)
	})
	test('refunded is final', () => {
		for (const to of PAYMENT_STATES) expect(canTransition('refunded', to)).toBe(false)
	})
})

describe('transitionPayment', async () => {
	const town = await createTown('pay-states')
	const db = getTenantDb(town.tenant)

	test('records an allowed transition and refuses (and logs) an invalid one, changing nothing', async () => {
		const p = await db.payment.create({ data: { method: 'gopay', amount: 1000, state: 'pending' } })
		expect(await db.$transaction((tx) => transitionPayment(tx, { paymentId: p.id, to: 'paid', source: 'webhook', detail: { id: 'x' } }))).toEqual({
			ok: true,
			from: 'pending',
			to: 'paid',
		})
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		expect(await db.$transaction((tx) => transitionPayment(tx, { paymentId: p.id, to: 'pending', source: 'return' }))).toEqual({
			ok: false,
			from: 'paid',
			to: 'pending',
			reason: 'invalid_transition',
		})
		expect(warn).toHaveBeenCalledOnce()
		warn.mockRestore()
		const after = await db.payment.findUniqueOrThrow({ where: { id: p.id }, include: { transitions: true } })
		expect(after.state).toBe('paid')
		expect(after.paidAt).not.toBeNull()
		expect(after.transitions.map((t) => [t.fromState, t.toState, t.source, t.detail])).toEqual([['pending', 'paid', 'webhook', { id: 'x' }]])
	})
})
