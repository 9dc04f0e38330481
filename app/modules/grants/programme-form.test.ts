import { describe, expect, test } from 'vitest'
import cs from '../../locales/cs/grants.json'
import en from '../../locales/en/grants.json'
import uk from '../../locales/uk/grants.json'
import { readProgrammeForm } from './programme-form.server'

const good = {
	code: 'spolky-2027',
	kind: 'programme',
	name: 'Podpora spolků',
	purpose: 'Činnost spolků',
	totalBudget: '500000',
	maxGrant: '50000',
	minGrant: '5000',
	eligibleApplicants: 'legal',
	coFinancingPercent: '20',
	costCategories: 'rent | Nájem\nmaterial | Materiál | 50',
	criteria: 'quality | Kvalita | 2 | 10',
	requiredAttachments: 'statutes | Stanovy',
	callName: 'Výzva 2027',
	opensOn: '2027-02-01',
	closesOn: '2027-02-28',
	contractTemplate: '',
}
const form = (fields: Record<string, string>) => {
	const body = new FormData()
	for (const [k, v] of Object.entries(fields)) body.set(k, v)
	return body
}
const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)

describe('the programme editor form', () => {
	test('a complete form becomes the input in haléře with parsed rule lines', () => {
		const result = readProgrammeForm(form(good))
		expect(result.ok).toBe(true)
		if (!result.ok) return
		expect(result.input.totalBudget).toBe(50_000_000)
		expect(result.input.costCategories).toEqual([
			{ code: 'rent', name: 'Nájem' },
			{ code: 'material', name: 'Materiál', maxPercent: 50 },
		])
		expect(result.input.requiredAttachments).toEqual([{ code: 'statutes', name: 'Stanovy' }])
	})

	test('each bad field gets its own message, a key translated in cs, en and uk; the typed values come back', () => {
		const result = readProgrammeForm(
			form({
				...good,
				code: 'Špatný kód',
				name: '',
				totalBudget: 'deset',
				coFinancingPercent: '150',
				criteria: 'quality | Kvalita | dvě | 10',
				eligibleApplicants: 'aliens',
				opensOn: '1.2.2027',
			}),
		)
		expect(result.ok).toBe(false)
		if (result.ok) return
		const errors = result.problem.fieldErrors
		expect(errors).toEqual({
			code: ['errors.code'],
			name: ['errors.required'],
			totalBudget: ['errors.amount'],
			coFinancingPercent: ['errors.percent'],
			criteria: ['errors.ruleLine'],
			eligibleApplicants: ['errors.choose'],
			opensOn: ['errors.date'],
		})
		expect(result.problem.values.code).toBe('Špatný kód')
		for (const key of [...Object.values(errors).flat(), 'office.formError'])
			for (const locale of [cs, en, uk]) expect(get(locale, key), key).toEqual(expect.any(String))
	})

	test('rules across fields are checked once the fields themselves are valid, each at its field', () => {
		const result = readProgrammeForm(
			form({
				...good,
				totalBudget: '10000',
				maxGrant: '50000',
				closesOn: '2027-01-01',
				costCategories: '',
				contractTemplate: 'Ahoj {{neznámé}}',
				periodFrom: '2027-05-01',
				periodTo: '2027-04-01',
			}),
		)
		expect(result.ok).toBe(false)
		if (result.ok) return
		const errors = result.problem.fieldErrors
		expect(errors).toEqual({
			maxGrant: ['errors.maxGrant'],
			closesOn: ['errors.callDates'],
			costCategories: ['errors.required'],
			contractTemplate: ['errors.placeholder'],
			periodTo: ['errors.period'],
		})
		for (const key of Object.values(errors).flat()) for (const locale of [cs, en, uk]) expect(get(locale, key), key).toEqual(expect.any(String))
	})

	test('missing rule lists and an empty form say "required", never a zod default text', () => {
		const result = readProgrammeForm(form({}))
		expect(result.ok).toBe(false)
		if (result.ok) return
		for (const keys of Object.values(result.problem.fieldErrors)) for (const key of keys) expect(key).toMatch(/^errors\./)
		expect(result.problem.fieldErrors.callName).toEqual(['errors.required'])
	})
})
