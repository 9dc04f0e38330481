import { describe, expect, test } from 'vitest'
import { previousPeriod, readPeriod } from './statistics-period'

describe('the statistics period from a GET form', () => {
	test('nothing given: the last 12 Prague months with comparison (31 Dec 23:30 UTC is already January in Prague)', () => {
		expect(readPeriod(new URLSearchParams(), new Date('2026-12-31T23:30:00Z'))).toEqual({
			success: true,
			period: { from: '2026-02', to: '2027-01', compare: true },
		})
	})

	test('the previous period has the same length and ends just before', () => {
		expect(previousPeriod({ from: '2026-01', to: '2026-03' })).toEqual({ from: '2025-10', to: '2025-12' })
		expect(readPeriod(new URLSearchParams('od=2026-02&do=2026-03'))).toEqual({ success: true, period: { from: '2026-02', to: '2026-03', compare: false } })
	})

	test('bad input says which field is wrong and why', () => {
		expect(readPeriod(new URLSearchParams('od=2026-13&do=2026-03'))).toEqual({ success: false, errors: { from: 'month' } })
		expect(readPeriod(new URLSearchParams('od=2026-05&do=2026-03'))).toEqual({ success: false, errors: { to: 'order' } })
		expect(readPeriod(new URLSearchParams('od=2020-01&do=2026-03'))).toEqual({ success: false, errors: { to: 'tooLong' } })
	})
})
