import { describe, expect, it } from 'vitest'
import { formatDate, formatFileSize, formatMoney } from './format'

// Intl uses no-break spaces as group and currency separators; users see ordinary spaces.
const visible = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('locale formatting', () => {
	it('writes money the Czech way in Czech: 1 234,50 Kč', () => {
		expect(visible(formatMoney(123_450, 'cs'))).toBe('1 234,50 Kč')
	})

	it('writes money in English and Ukrainian with their own separators', () => {
		expect(visible(formatMoney(123_450, 'en'))).toBe('CZK 1,234.50')
		expect(visible(formatMoney(123_450, 'uk'))).toMatch(/^1 234,50 CZK$/)
	})

	it('writes dates as 26. 11. 2026 in Czech, in Prague time', () => {
		expect(visible(formatDate('2026-11-26T10:00:00Z', 'cs'))).toBe('26. 11. 2026')
		// 23:30 UTC on the 25th is already the 26th in Prague.
		expect(visible(formatDate('2026-11-25T23:30:00Z', 'cs'))).toBe('26. 11. 2026')
		expect(formatDate('2026-11-26T10:00:00Z', 'en')).toBe('26/11/2026')
		expect(formatDate('2026-11-26T10:00:00Z', 'uk')).toBe('26.11.2026')
	})

	it('file sizes in bytes, kB and MB in the locale (410 B, not "1 kB")', () => {
		expect(visible(formatFileSize(410, 'cs'))).toBe('410 B')
		expect(visible(formatFileSize(410, 'en'))).toBe('410 B')
		expect(visible(formatFileSize(12_345, 'cs'))).toBe('12,3 kB')
		expect(visible(formatFileSize(12_345, 'en'))).toBe('12.3 kB')
		expect(visible(formatFileSize(4_500_000, 'uk'))).toBe('4,5 МБ')
	})
})
