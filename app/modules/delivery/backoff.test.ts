import { describe, expect, it } from 'vitest'
import { DELIVERY_WINDOW_MS, isWindowExhausted, MAX_RETRY_GAP_MS, retryDelayMs } from './backoff'

describe('delivery backoff', () => {
	it('doubles from one minute and caps at four hours', () => {
		expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000])
		expect(retryDelayMs(9)).toBe(MAX_RETRY_GAP_MS)
		expect(retryDelayMs(30)).toBe(MAX_RETRY_GAP_MS)
	})

	it('gives up once the next wait would pass 48 hours', () => {
		let attempts = 1
		let waited = 0
		while (!isWindowExhausted(attempts)) {
			waited += retryDelayMs(attempts)
			attempts++
		}
		expect(waited).toBeLessThanOrEqual(DELIVERY_WINDOW_MS)
		expect(waited + retryDelayMs(attempts)).toBeGreaterThan(DELIVERY_WINDOW_MS)
		// 8 doubling gaps (4 h 15 min) and 10 gaps of 4 h: the 19th attempt is the last.
		expect(attempts).toBe(19)
	})
})
