import { describe, expect, test } from 'vitest'
import { isValidVariableSymbol, luhnCheckDigit, makeVariableSymbol } from './variable-symbol'

describe('variable symbol', () => {
	// Known Luhn vectors: 7992739871 -> 3, 4539 1488 0343 646 -> 7.
	test.each([
		['7992739871', 3],
		['453914880343646', 7],
		['000000000', 0],
	])('Luhn check digit of %s is %i', (digits, check) => {
		expect(luhnCheckDigit(digits)).toBe(check)
	})

	test.each([
		[2026, 1, '2600000018'],
		[2026, 1234567, '2612345674'],
		[2031, 9_999_999, '3199999990'],
	])('year %i, number %i -> %s', (year, seq, vs) => {
		expect(makeVariableSymbol(year, seq)).toBe(vs)
		expect(vs).toHaveLength(10)
		expect(isValidVariableSymbol(vs)).toBe(true)
	})

	test('a mistyped digit or swapped neighbours fail the check', () => {
		const vs = makeVariableSymbol(2026, 4711)
		expect(isValidVariableSymbol(vs.slice(0, 4) + ((Number(vs[4]) + 1) % 10) + vs.slice(5))).toBe(false)
		const swapped = vs.slice(0, 6) + vs[7] + vs[6] + vs.slice(8)
		if (swapped !== vs) expect(isValidVariableSymbol(swapped)).toBe(false)
		expect(isValidVariableSymbol('12345')).toBe(false)
		expect(isValidVariableSymbol('26000000a8')).toBe(false)
	})

	test('refuses numbers outside the 7-digit sequence', () => {
		expect(() => makeVariableSymbol(2026, 0)).toThrow(RangeError)
		expect(() => makeVariableSymbol(2026, 10_000_000)).toThrow(RangeError)
	})
})
