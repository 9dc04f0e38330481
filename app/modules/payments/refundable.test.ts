import { describe, expect, test } from 'vitest'
import { canStartRefund, isRefundableState, overpaymentToRefund, refundableAmount, refundNeedsMissingGatewayId } from './refundable'

const paid = { method: 'bank_transfer', state: 'paid', providerPaymentId: null, paidAmount: 100_00, refundedAmount: 20_00, overpaidAmount: 30_00 }

describe('what a payment can still give back', () => {
	test('paid, less refunded, less refunds under way', () => {
		expect(refundableAmount(paid, 0)).toBe(80_00)
		expect(refundableAmount(paid, 50_00)).toBe(30_00)
	})

	test('the refund queue holds the overpayment not yet returned or reserved, never below zero', () => {
		expect(overpaymentToRefund(paid, 0)).toBe(10_00)
		expect(overpaymentToRefund(paid, 5_00)).toBe(5_00)
		expect(overpaymentToRefund(paid, 50_00)).toBe(0)
	})

	test('only a paid or partly refunded payment gives money back', () => {
		expect(['created', 'pending', 'paid', 'partially_refunded', 'refunded', 'cancelled', 'expired'].filter(isRefundableState)).toEqual([
			'paid',
			'partially_refunded',
		])
	})

	test('a card payment without the gateway’s payment id cannot be refunded; a bank transfer needs none', () => {
		expect(refundNeedsMissingGatewayId({ method: 'gopay', providerPaymentId: null })).toBe(true)
		expect(refundNeedsMissingGatewayId({ method: 'stripe', providerPaymentId: 'pi_1' })).toBe(false)
		expect(refundNeedsMissingGatewayId({ method: 'bank_transfer', providerPaymentId: null })).toBe(false)
	})

	test('a refund can start when something is left, the state allows it and a card payment has its gateway id', () => {
		expect(canStartRefund(paid, 0)).toBe(true)
		expect(canStartRefund(paid, 80_00)).toBe(false)
		expect(canStartRefund({ ...paid, state: 'refunded' }, 0)).toBe(false)
		expect(canStartRefund({ ...paid, method: 'gopay' }, 0)).toBe(false)
		expect(canStartRefund({ ...paid, method: 'gopay', providerPaymentId: '123' }, 0)).toBe(true)
	})
})
