import { describe, expect, test } from 'vitest'
import { isValidIco } from './ico'

describe('isValidIco', () => {
	test('accepts real IČOs (remainders 0, 1 and others)', () => {
		// Hlavní město Praha (sum 77, remainder 0 -> 1), Brno, Veselí nad Moravou.
		for (const ico of ['00064581', '44992785', '00285340']) expect(isValidIco(ico), ico).toBe(true)
	})

	test('refuses a wrong check digit, wrong length and non-digits', () => {
		for (const ico of ['00064582', '0006458', '000645811', '0006458a', '', ' 00064581']) expect(isValidIco(ico), ico).toBe(false)
	})
})
