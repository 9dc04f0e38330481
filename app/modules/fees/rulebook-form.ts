// The fee rules page as a form (issue 19). The form has its own shape (rates as rows of a table,
// reliefs with one age field, reminder days as a list), but every rule is checked by RulebookSchema,
// the same schema the JSON import and the blueprint use: the form converts its values to a rulebook,
// validates it, and maps each issue's path back to the form field it came from.
import { z } from 'zod'
import { rulebookIssueKey } from './rulebook-issue-key'
import { RulebookSchema, type FeeType, type Rulebook } from './rulebook-schema'

const text = z.string().optional()
const RateRow = z.object({ year: text, rate: text, furtherRate: text, seniorRate: text })
const ReliefRow = z.object({ kind: text, code: text, age: text, statuses: z.array(z.string()).optional(), percent: text })
const InstalmentRow = z.object({ dueDate: text, percent: text })
const FeeRow = z.object({
	code: text,
	kind: text,
	names: z.object({ cs: text, en: text, uk: text }).optional(),
	rates: z.array(RateRow).optional(),
	cap: text,
	seniorDogAtLeast: text,
	proRateByMonths: text,
	reliefs: z.array(ReliefRow).optional(),
	instalments: z.array(InstalmentRow).optional(),
})
const FormShape = z.object({
	feeTypes: z.array(FeeRow).optional(),
	discount: z.object({ percent: text, feeTypes: z.array(z.string()).optional(), withoutLogin: text }).optional(),
	reminders: z.object({ daysBefore: text, daysAfter: text }).optional(),
	validFrom: text,
})
export type RulebookForm = z.infer<typeof FormShape>

/**
 * The law's caps (zákon č. 565/1990 Sb., o místních poplatcích), shown beside the rate as a guide.
 * The cap the calculator enforces is the town's `cap` setting, because the law changes.
 */
export const LEGAL_CAPS = {
	waste: { rate: 1200, law: '§ 10h' },
	dog: { rate: 1500, furtherRate: 2250, seniorRate: 200, seniorFurtherRate: 300, law: '§ 2 odst. 3 a 4' },
} as const

const number = (value: string | undefined) => {
	if (value === undefined || value.trim() === '') return undefined
	// A Czech admin writes "10,5"; anything that is not a number stays NaN and the schema refuses it.
	return Number(value.trim().replace(/\s/g, '').replace(',', '.'))
}
// Conform gives one ticked checkbox as a string, several as an array.
const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat())
const numberList = (value: string | undefined) =>
	(value ?? '')
		.split(/[,;\s]+/)
		.filter(Boolean)
		.map((part) => number(part))

function rateRecord(rows: z.infer<typeof RateRow>[], key: 'rate' | 'furtherRate' | 'seniorRate') {
	if (key !== 'rate' && rows.every((row) => !row[key]?.trim())) return undefined
	return Object.fromEntries(rows.map((row) => [row.year?.trim() ?? '', number(row[key])]))
}

function reliefOf(row: z.infer<typeof ReliefRow>) {
	const base = { kind: row.kind, code: row.code?.trim(), percent: number(row.percent) }
	if (row.kind === 'age_under') return { ...base, under: number(row.age) }
	if (row.kind === 'age_at_least') return { ...base, atLeast: number(row.age) }
	if (row.kind === 'disability') return { ...base, statuses: list(row.statuses) }
	return base
}

/** The form's values as a rulebook object, not yet validated. */
export function formToRulebook(form: RulebookForm): unknown {
	const feeTypes = (form.feeTypes ?? []).map((fee) => {
		const rows = fee.rates ?? []
		const seniorRates = rateRecord(rows, 'seniorRate')
		return {
			code: fee.code?.trim(),
			kind: fee.kind,
			names: { cs: fee.names?.cs?.trim(), en: fee.names?.en?.trim(), uk: fee.names?.uk?.trim() },
			rates: rateRecord(rows, 'rate'),
			furtherDogRates: rateRecord(rows, 'furtherRate'),
			seniorDog: seniorRates || fee.seniorDogAtLeast?.trim() ? { atLeast: number(fee.seniorDogAtLeast), rates: seniorRates ?? {} } : undefined,
			cap: number(fee.cap),
			reliefs: (fee.reliefs ?? []).map(reliefOf),
			proRateByMonths: fee.proRateByMonths === 'on',
			instalments: (fee.instalments ?? []).map((i) => ({ dueDate: i.dueDate?.trim(), percent: number(i.percent) })),
		}
	})
	const discountPercent = number(form.discount?.percent)
	const discountFees = list(form.discount?.feeTypes)
	return {
		feeTypes,
		discount:
			discountPercent !== undefined || discountFees.length
				? {
						percent: discountPercent,
						feeTypes: discountFees,
						condition: 'portal_payment_by_due_date',
						discountWithoutLogin: form.discount?.withoutLogin === 'on',
					}
				: undefined,
		reminders: { daysBefore: numberList(form.reminders?.daysBefore), daysAfter: numberList(form.reminders?.daysAfter) },
		validFrom: form.validFrom?.trim() || undefined,
	}
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n))

/** A stored rulebook as the form's default value. */
export function rulebookToForm(rulebook: Rulebook): RulebookForm {
	return {
		feeTypes: rulebook.feeTypes.map((fee) => feeToForm(fee)),
		discount: rulebook.discount
			? { percent: str(rulebook.discount.percent), feeTypes: rulebook.discount.feeTypes, withoutLogin: rulebook.discount.discountWithoutLogin ? 'on' : '' }
			: { percent: '', feeTypes: [], withoutLogin: '' },
		reminders: { daysBefore: rulebook.reminders.daysBefore.join(', '), daysAfter: rulebook.reminders.daysAfter.join(', ') },
		validFrom: rulebook.validFrom ?? '',
	}
}

function feeToForm(fee: FeeType): NonNullable<RulebookForm['feeTypes']>[number] {
	const years = [...new Set([...Object.keys(fee.rates), ...Object.keys(fee.furtherDogRates ?? {}), ...Object.keys(fee.seniorDog?.rates ?? {})])].sort()
	return {
		code: fee.code,
		kind: fee.kind,
		names: { ...fee.names },
		rates: years.map((year) => ({
			year,
			rate: str(fee.rates[year]),
			furtherRate: str(fee.furtherDogRates?.[year]),
			seniorRate: str(fee.seniorDog?.rates[year]),
		})),
		cap: str(fee.cap),
		seniorDogAtLeast: str(fee.seniorDog?.atLeast),
		proRateByMonths: fee.proRateByMonths ? 'on' : '',
		reliefs: fee.reliefs.map((r) => ({
			kind: r.kind,
			code: r.code,
			age: r.kind === 'age_under' ? str(r.under) : r.kind === 'age_at_least' ? str(r.atLeast) : '',
			statuses: r.kind === 'disability' ? [...r.statuses] : [],
			percent: str(r.percent),
		})),
		instalments: fee.instalments.map((i) => ({ dueDate: i.dueDate, percent: str(i.percent) })),
	}
}

/** A new fee's rows: this year's rate, one instalment, pro-rated by months. */
export function blankFee(year: number): NonNullable<RulebookForm['feeTypes']>[number] {
	return {
		code: '',
		kind: 'waste',
		names: { cs: '', en: '', uk: '' },
		rates: [{ year: String(year), rate: '' }],
		cap: '',
		proRateByMonths: 'on',
		reliefs: [],
		instalments: [{ dueDate: '03-31', percent: '100' }],
	}
}

type Path = (string | number)[]

/** Where a rulebook issue belongs in the form (Conform's field name). */
export function formPathOf(path: readonly PropertyKey[], form: RulebookForm): Path {
	const p = path.map((s) => (typeof s === 'symbol' ? String(s) : s)) as Path
	if (p[0] === 'feeTypes' && typeof p[1] === 'number') {
		const fee = form.feeTypes?.[p[1]]
		const rowOf = (year: unknown) =>
			Math.max(
				0,
				(fee?.rates ?? []).findIndex((row) => (row.year?.trim() ?? '') === String(year)),
			)
		const head: Path = ['feeTypes', p[1]]
		const [field, a, b] = p.slice(2)
		if (field === 'rates' && a !== undefined) return [...head, 'rates', rowOf(a), /^\d{4}$/.test(String(a)) ? 'rate' : 'year']
		if (field === 'furtherDogRates' && a !== undefined) return [...head, 'rates', rowOf(a), 'furtherRate']
		if (field === 'seniorDog' && a === 'rates' && b !== undefined) return [...head, 'rates', rowOf(b), 'seniorRate']
		if (field === 'seniorDog') return [...head, 'seniorDogAtLeast']
		if (field === 'reliefs' && typeof a === 'number') return [...head, 'reliefs', a, b === 'under' || b === 'atLeast' ? 'age' : (b ?? 'kind')]
		if (field === 'instalments' && typeof a === 'number') return [...head, 'instalments', a, b ?? 'percent']
		if (field === 'names') return [...head, 'names', a ?? 'cs']
		if (field === undefined) return head
		return [...head, field]
	}
	if (p[0] === 'discount')
		return p[1] === 'discountWithoutLogin' ? ['discount', 'withoutLogin'] : p[1] === 'feeTypes' ? ['discount', 'feeTypes'] : ['discount', 'percent']
	if (p[0] === 'reminders') return ['reminders', p[1] ?? 'daysBefore']
	return p
}

/**
 * The form's schema for Conform: the form's shape, checked by RulebookSchema; each issue carries a
 * translation key (namespace fees-office) at its field. The output is the validated rulebook.
 */
export const RulebookFormSchema = FormShape.superRefine((form, ctx) => {
	for (const [index, fee] of (form.feeTypes ?? []).entries()) {
		const years = (fee.rates ?? []).map((row) => row.year?.trim())
		years.forEach((year, row) => {
			if (year && years.indexOf(year) !== row)
				ctx.addIssue({ code: 'custom', path: ['feeTypes', index, 'rates', row, 'year'], message: 'rules.errors.duplicateYear' })
		})
	}
	const parsed = RulebookSchema.safeParse(formToRulebook(form))
	if (parsed.success) return
	for (const issue of parsed.error.issues) {
		const { key } = rulebookIssueKey({ path: issue.path.join('.'), code: issue.code, message: issue.message })
		ctx.addIssue({ code: 'custom', path: formPathOf(issue.path, form), message: key })
	}
}).transform((form): Rulebook => RulebookSchema.parse(formToRulebook(form)))
