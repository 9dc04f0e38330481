// Grant contract deadlines in Czech working days (weekends, fixed holidays, Good Friday and Easter
// Monday) and calendar days, and which body decides on a grant.
import { describe, expect, test } from 'vitest'
import { czechPublicHolidays, easterSunday, isCzechWorkingDay } from './czech-holidays'
import { addCzechWorkingDays, boardPublicationDeadline, decidingBody, deMinimisRegisterDeadline, registrSmluvDeadline } from './deadlines'

describe('Czech public holidays', () => {
	test('Easter moves: Good Friday and Easter Monday of 2026 and 2027 are days off', () => {
		expect(easterSunday(2026)).toBe('2026-04-05')
		expect(easterSunday(2027)).toBe('2027-03-28')
		expect(easterSunday(2024)).toBe('2024-03-31')
		for (const day of ['2026-04-03', '2026-04-06', '2027-03-26', '2027-03-29']) expect(isCzechWorkingDay(day), day).toBe(false)
		expect(isCzechWorkingDay('2026-04-07')).toBe(true)
	})

	test('the thirteen days off of a year (with Good Friday since 2016, not before)', () => {
		expect([...czechPublicHolidays(2027)].sort()).toEqual([
			'2027-01-01',
			'2027-03-26',
			'2027-03-29',
			'2027-05-01',
			'2027-05-08',
			'2027-07-05',
			'2027-07-06',
			'2027-09-28',
			'2027-10-28',
			'2027-11-17',
			'2027-12-24',
			'2027-12-25',
			'2027-12-26',
		])
		expect(czechPublicHolidays(2015).has('2015-04-03')).toBe(false)
		expect(czechPublicHolidays(2015).has('2015-04-06')).toBe(true)
	})
})

describe('addCzechWorkingDays', () => {
	test('skips weekends; the start day does not count', () => {
		expect(addCzechWorkingDays('2026-12-03', 1)).toBe('2026-12-04') // Thu → Fri
		expect(addCzechWorkingDays('2026-12-04', 1)).toBe('2026-12-07') // Fri → Mon
		expect(addCzechWorkingDays('2026-12-05', 5)).toBe('2026-12-11') // Sat → next Fri
		expect(addCzechWorkingDays('2026-12-04', 0)).toBe('2026-12-04')
	})

	test('skips Christmas and New Year', () => {
		// 23 Dec 2026 is a Wednesday: 24, 25, 26 (Thu–Sat), 27 (Sun) are off → 28, 29, 30, 31 Dec, then 1 Jan is off → 4 Jan.
		expect(addCzechWorkingDays('2026-12-23', 5)).toBe('2027-01-04')
	})

	test('skips Good Friday and Easter Monday', () => {
		// Wed 24 Mar 2027 + 2: Thu 25, (Fri 26 Good Friday, weekend, Mon 29 Easter Monday), Tue 30.
		expect(addCzechWorkingDays('2027-03-24', 2)).toBe('2027-03-30')
	})

	test('counts backwards with a negative number', () => {
		expect(addCzechWorkingDays('2027-03-30', -1)).toBe('2027-03-25')
		expect(addCzechWorkingDays('2027-03-30', -2)).toBe('2027-03-24')
	})

	test('refuses a date that is not a calendar day, and fractional days', () => {
		expect(() => addCzechWorkingDays('2026-02-30', 1)).toThrow(/calendar date/)
		expect(() => addCzechWorkingDays('5. 12. 2026', 1)).toThrow(/calendar date/)
		expect(() => addCzechWorkingDays('2026-12-05', 1.5)).toThrow(/whole number/)
	})
})

describe('contract deadlines', () => {
	test('de minimis: 5 working days after signing, over a holiday', () => {
		expect(deMinimisRegisterDeadline('2026-12-21')).toBe('2026-12-30') // Mon; 24–27 Dec off
		expect(deMinimisRegisterDeadline('2027-03-22')).toBe('2027-03-31') // Easter in between
	})

	test('úřední deska and registr smluv: the 30th calendar day after signing', () => {
		expect(boardPublicationDeadline('2026-12-05')).toBe('2027-01-04')
		expect(registrSmluvDeadline('2027-01-31')).toBe('2027-03-02')
		expect(registrSmluvDeadline('2028-01-31')).toBe('2028-03-01') // leap year
	})
})

describe('decidingBody', () => {
	const threshold = 200_000_00
	test('up to 200 000 Kč the rada, above it the zastupitelstvo', () => {
		expect(decidingBody(50_000_00, threshold)).toBe('rada')
		expect(decidingBody(200_000_00, threshold)).toBe('rada')
		expect(decidingBody(200_000_01, threshold)).toBe('zastupitelstvo')
	})

	test('a town may set its own threshold', () => {
		expect(decidingBody(60_000_00, 50_000_00)).toBe('zastupitelstvo')
		expect(decidingBody(60_000_00)).toBe('rada')
	})
})
