import { describe, expect, test } from 'vitest'
import { calculateClaims, type CalcObligation, type CalcResident } from './calculate-claims'
import { RulebookSchema } from './rulebook-schema'

const names = (cs: string) => ({ cs, en: cs, uk: cs })
const veseli = RulebookSchema.parse({
	feeTypes: [
		{
			code: 'waste',
			kind: 'waste',
			names: names('Poplatek za odpad'),
			rates: { 2026: 720 },
			cap: 1200,
			reliefs: [
				{ kind: 'age_under', code: 'child_under_6', under: 6, percent: 100 },
				{ kind: 'age_at_least', code: 'senior_75', atLeast: 75, percent: 50 },
				{ kind: 'disability', code: 'ztpp', statuses: ['ztpp'], percent: 100 },
			],
			instalments: [{ dueDate: '05-31', percent: 100 }],
		},
		{
			code: 'dog',
			kind: 'dog',
			names: names('Poplatek ze psů'),
			rates: { 2026: 600 },
			furtherDogRates: { 2026: 900 },
			seniorDog: { atLeast: 65, rates: { 2026: 200 } },
			instalments: [
				{ dueDate: '03-31', percent: 50 },
				{ dueDate: '09-30', percent: 50 },
			],
		},
	],
	discount: { percent: 20, feeTypes: ['waste'], condition: 'portal_payment_by_due_date' },
})

const residents: CalcResident[] = [
	{ id: 'adult', dateOfBirth: '1980-04-12', disability: 'none' },
	{ id: 'child', dateOfBirth: '2022-02-01', disability: 'none' },
	{ id: 'senior75', dateOfBirth: '1948-06-30', disability: 'none' },
	{ id: 'senior70', dateOfBirth: '1955-06-30', disability: 'none' },
	{ id: 'ztpp', dateOfBirth: '1990-01-01', disability: 'ztpp' },
]
const ob = (id: string, residentId: string, feeType: string, validFrom = '2020-01-01', validTo: string | null = null): CalcObligation => ({
	id,
	residentId,
	feeType,
	validFrom,
	validTo,
})
const calc = (obligations: CalcObligation[], asOf = '2026-01-15') => calculateClaims({ rulebook: veseli, year: 2026, residents, obligations, asOf })

describe('calculateClaims', () => {
	test.each([
		['adult pays the full rate', 'adult', 72000, 0, null],
		['a child under 6 is exempt', 'child', 72000, 72000, 'child_under_6'],
		['a senior of 75+ pays half', 'senior75', 72000, 36000, 'senior_75'],
		['a senior of 70 pays the full rate', 'senior70', 72000, 0, null],
		['a ZTP/P holder is exempt', 'ztpp', 72000, 72000, 'ztpp'],
	])('waste: %s', (_, residentId, base, relief, code) => {
		const [claim] = calc([ob('o', residentId, 'waste')])
		expect([claim!.baseAmount, claim!.reliefAmount, claim!.reliefCode, claim!.amount]).toEqual([base, relief, code, base - relief])
	})

	test.each([
		['whole year', '2020-01-01', null, 12, 72000],
		['moved in 10 March: April to December', '2026-03-10', null, 10, 60000],
		['moved in on 31 March: March counts', '2026-03-31', null, 10, 60000],
		['moved out 15 June: January to May', '2020-01-01', '2026-06-15', 5, 30000],
		['moved out last year: no claim', '2020-01-01', '2025-12-31', 0, null],
	])('pro-rating the waste fee: %s', (_, from, to, months, base) => {
		const drafts = calc([ob('o', 'adult', 'waste', from, to)])
		if (base === null) return expect(drafts).toEqual([])
		expect([drafts[0]!.months, drafts[0]!.baseAmount]).toEqual([months, base])
	})

	test('dog fee: started months count, second dog at the further rate, senior keeper rate, two instalments', () => {
		const drafts = calc([ob('d1', 'adult', 'dog'), ob('d2', 'adult', 'dog', '2024-05-01'), ob('d3', 'senior70', 'dog', '2026-07-20')])
		const byKey = Object.fromEntries(drafts.map((d) => [d.generationKey, [d.baseAmount, d.dueDate]]))
		expect(byKey).toEqual({
			'd1:2026:1': [30000, '2026-03-31'],
			'd1:2026:2': [30000, '2026-09-30'],
			'd2:2026:1': [45000, '2026-03-31'],
			'd2:2026:2': [45000, '2026-09-30'],
			// Six started months (July to December) at 200 Kč a year = 100 Kč; due 30 days after the start for the past instalment.
			'd3:2026:1': [5000, '2026-08-19'],
			'd3:2026:2': [5000, '2026-09-30'],
		})
		// Each claim knows there are two, so the first too reads "1. splátka ze 2".
		expect(new Set(drafts.map((d) => d.instalmentCount))).toEqual(new Set([2]))
	})

	test('the e-payment discount: on the waste fee, until the due date, not on the dog fee', () => {
		const [waste, dog] = calc([ob('w', 'adult', 'waste'), ob('d', 'adult', 'dog')])
		expect([waste!.discountPercent, waste!.discountAmount, waste!.discountUntil]).toEqual([20, 14400, '2026-05-31'])
		expect([dog!.discountPercent, dog!.discountAmount, dog!.discountUntil]).toEqual([0, 0, null])
		const [late] = calc([ob('w', 'adult', 'waste')], '2026-06-01')
		expect([late!.discountPercent, late!.discountAmount]).toEqual([0, 0])
		const [senior] = calc([ob('w', 'senior75', 'waste')])
		expect(senior!.discountAmount).toBe(7200)
	})

	test('refuses a rate over the legal cap and a year without a rate', () => {
		const bad = RulebookSchema.safeParse({ feeTypes: [{ ...veseli.feeTypes[0], rates: { 2026: 1500 } }] })
		expect(bad.success).toBe(false)
		expect(bad.error?.issues[0]?.message).toMatch(/exceeds the legal cap of 1200/)
		expect(() => calculateClaims({ rulebook: veseli, year: 2027, residents, obligations: [ob('o', 'adult', 'waste')], asOf: '2027-01-01' })).toThrow(
			/No waste rate for 2027/,
		)
	})

	test('instalments must add up to 100 %', () => {
		const bad = RulebookSchema.safeParse({ feeTypes: [{ ...veseli.feeTypes[0], instalments: [{ dueDate: '05-31', percent: 60 }] }] })
		expect(bad.error?.issues[0]?.message).toMatch(/add up to 100/)
	})
})
