import { describe, expect, test } from 'vitest'
import { canTransitionFiling, FILING_STATES, FILING_TRANSITIONS, filingDocumentKey } from './thread-filing-states'

describe('thread filing states', () => {
	test('delivered is final; failed only goes back to pending (a clerk resends); nothing skips pending', () => {
		expect(FILING_TRANSITIONS.delivered).toEqual([])
		expect(FILING_TRANSITIONS.failed).toEqual(['pending'])
		for (const from of FILING_STATES) expect(canTransitionFiling(from, from)).toBe(false)
		expect(canTransitionFiling('pending', 'delivered')).toBe(true)
		expect(canTransitionFiling('pending', 'failed')).toBe(true)
		expect(canTransitionFiling('failed', 'delivered')).toBe(false)
	})
	test('one document key per conversation and per message', () => {
		expect(filingDocumentKey({ threadId: 't1' })).toBe('thread-t1')
		expect(filingDocumentKey({ threadId: 't1', messageId: 'm1' })).toBe('message-m1')
	})
})
