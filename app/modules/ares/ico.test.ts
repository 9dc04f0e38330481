// The IČO check: the mod-11 check digit, ARES's zero padding of older short numbers, and what is refused.
import { describe, expect, test } from 'vitest'
import { isValidIco, normalizeIco } from './ico'

describe('isValidIco', () => {
	test('accepts real IČOs (Ministerstvo financí 00006947, a company 25596641) and the check digit rules 10 → 0, 11 → 1', () => {
		expect(isValidIco('00006947')).toBe(true)
		expect(isValidIco('25596641')).toBe(true)
		// Weighted sum ≡ 1 (mod 11) gives check digit 0; ≡ 0 gives 1.
		expect(isValidIco('12345679')).toBe(true)
		expect(isValidIco('00000019')).toBe(true) // 1·2 = 2 → 11 − 2 = 9
		expect(isValidIco('00000051')).toBe(true) // 5·2 = 10 → 11 − 10 = 1
		expect(isValidIco('00000060')).toBe(true) // 6·2 = 12 ≡ 1 → 0
	})

	test('a wrong check digit is refused', () => {
		expect(isValidIco('00006948')).toBe(false)
		expect(isValidIco('25596642')).toBe(false)
		expect(isValidIco('00000061')).toBe(false)
	})

	test('shorter numbers are zero-padded to eight as ARES does; spaces are ignored', () => {
		expect(normalizeIco('6947')).toBe('00006947')
		expect(isValidIco('6947')).toBe(true)
		expect(isValidIco('255 96 641')).toBe(true)
		expect(normalizeIco(' 25596641 ')).toBe('25596641')
	})

	test('anything but 1–8 digits, and all zeros, is refused', () => {
		for (const bad of ['', '   ', '123456789', '2559664a', 'CZ25596641', '-25596641', '2559.6641', '00000000', '0']) {
			expect(isValidIco(bad), bad).toBe(false)
		}
		expect(normalizeIco('123456789')).toBeNull()
	})
})
