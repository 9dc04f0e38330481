import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { RulebookFormSchema, formToRulebook, rulebookToForm } from './rulebook-form'
import { RulebookSchema } from './rulebook-schema'

const rulebook = RulebookSchema.parse({
	feeTypes: [
		{
			code: 'waste',
			kind: 'waste',
			names: { cs: 'Odpad', en: 'Waste', uk: 'Відходи' },
			rates: { 2026: 720, 2027: 780 },
			cap: 1200,
			reliefs: [
				{ kind: 'age_under', code: 'child_under_6', under: 6, percent: 100 },
				{ kind: 'disability', code: 'ztp', statuses: ['ztp', 'ztpp'], percent: 50 },
			],
			instalments: [
				{ dueDate: '03-31', percent: 50 },
				{ dueDate: '09-30', percent: 50 },
			],
		},
		{
			code: 'dog',
			kind: 'dog',
			names: { cs: 'Pes', en: 'Dog', uk: 'Собака' },
			rates: { 2026: 1200 },
			furtherDogRates: { 2026: 1800 },
			seniorDog: { atLeast: 65, rates: { 2026: 200 } },
			cap: 1500,
			instalments: [{ dueDate: '03-31', percent: 100 }],
		},
	],
	discount: { percent: 10, feeTypes: ['waste'], condition: 'portal_payment_by_due_date', discountWithoutLogin: true },
	reminders: { daysBefore: [7, 3], daysAfter: [14] },
	validFrom: '2026-01-01',
})

/** The form's values as the browser posts them. */
function post(values: Record<string, string | string[]>) {
	const data = new FormData()
	for (const [name, value] of Object.entries(values)) for (const v of [value].flat()) data.append(name, v)
	return parseWithZod(data, { schema: RulebookFormSchema })
}
const errorsOf = (submission: ReturnType<typeof post>) => (submission.status === 'success' ? null : submission.error)

function flatten(value: unknown, prefix = ''): Record<string, string | string[]> {
	if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { [prefix]: value as string[] }
	if (Array.isArray(value)) return Object.assign({}, ...value.map((v, i) => flatten(v, `${prefix}[${i}]`)))
	if (value && typeof value === 'object') return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)))
	return value === undefined || value === '' ? {} : { [prefix]: String(value) }
}

describe('the fee rules form', () => {
	test('a stored rulebook goes to the form and back unchanged', () => {
		expect(RulebookSchema.parse(formToRulebook(rulebookToForm(rulebook)))).toEqual(rulebook)
		const submission = post(flatten(rulebookToForm(rulebook)))
		expect(submission.status).toBe('success')
		expect(submission.status === 'success' && submission.value).toEqual(rulebook)
	})

	test('each rule of the rulebook schema is reported at its own field with a translation key', () => {
		const values = flatten(rulebookToForm(rulebook))
		values['feeTypes[0].reliefs[0].age'] = 'abc'
		values['feeTypes[1].rates[0].furtherRate'] = '-1'
		values['feeTypes[1].seniorDogAtLeast'] = ''
		values['discount.percent'] = '150'
		values['reminders.daysBefore'] = '7, x'
		values['feeTypes[0].instalments[0].dueDate'] = '31.3.'
		const submission = post(values)
		expect(submission.status).toBe('error')
		expect(errorsOf(submission)).toMatchObject({
			'feeTypes[0].instalments[0].dueDate': ['rules.errors.invalid_format'],
			'feeTypes[0].reliefs[0].age': ['rules.errors.invalid_type'],
			'feeTypes[1].rates[0].furtherRate': ['rules.errors.too_small'],
			'feeTypes[1].seniorDogAtLeast': ['rules.errors.invalid_type'],
			'discount.percent': ['rules.errors.too_big'],
			'reminders.daysBefore': ['rules.errors.invalid_type'],
		})
	})

	test("a fee's own rules (cap, instalments adding up to 100 %) are reported once its values are well formed", () => {
		const values = flatten(rulebookToForm(rulebook))
		values['feeTypes[0].rates[1].rate'] = '1500'
		values['feeTypes[0].instalments[1].percent'] = '40'
		expect(errorsOf(post(values))).toEqual({
			'feeTypes[0].rates[1].rate': ['rules.errors.overCap'],
			'feeTypes[0].instalments': ['rules.errors.instalmentsSum'],
		})
	})

	test('a year written twice or badly is refused at the year', () => {
		const values = flatten(rulebookToForm(rulebook))
		values['feeTypes[0].rates[1].year'] = '2026'
		expect(errorsOf(post(values))).toMatchObject({ 'feeTypes[0].rates[1].year': ['rules.errors.duplicateYear'] })
		values['feeTypes[0].rates[1].year'] = '26'
		expect(errorsOf(post(values))).toMatchObject({ 'feeTypes[0].rates[1].year': ['rules.errors.invalid_key'] })
	})

	test('a row added without JavaScript comes back in the form (Conform intent)', () => {
		const values = flatten(rulebookToForm(rulebook))
		values.__intent__ = JSON.stringify({ type: 'insert', payload: { name: 'feeTypes[0].rates', defaultValue: { year: '2028' } } })
		const submission = post(values)
		expect(submission.status).toBeUndefined()
		expect(submission.payload).toMatchObject({ feeTypes: [{ rates: [{ year: '2026' }, { year: '2027' }, { year: '2028' }] }, {}] })
	})
})

test("the browser's live value (one ticked box is a string) converts as the posted one", () => {
	const value = rulebookToForm(rulebook) as Record<string, unknown>
	const live = { ...value, discount: { percent: '10', feeTypes: 'waste', withoutLogin: 'on' } }
	expect(RulebookSchema.safeParse(formToRulebook(live as never)).success).toBe(true)
})
