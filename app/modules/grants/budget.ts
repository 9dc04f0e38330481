// The budget table's limits (decision 022): checked in the browser as the applicant types and again
// on the server, with the same function, so the two can never disagree.
import type { CostCategory } from './programme-rules'

export type BudgetLineInput = { category: string; description?: string; ownShare: number; requested: number }
export type BudgetLimits = { maxGrant: number; minGrant: number; coFinancingPercent: number; costCategories: CostCategory[] }
export type BudgetProblem = {
	key: 'unknownCategory' | 'overMax' | 'underMin' | 'coFinancing' | 'categoryShare' | 'empty'
	line?: number
	values?: Record<string, string | number>
}

export function checkBudget(lines: BudgetLineInput[], limits: BudgetLimits) {
	const requested = lines.reduce((sum, line) => sum + line.requested, 0)
	const ownShare = lines.reduce((sum, line) => sum + line.ownShare, 0)
	const total = requested + ownShare
	const problems: BudgetProblem[] = []
	if (!lines.length || requested <= 0) problems.push({ key: 'empty' })
	lines.forEach((line, index) => {
		if (!limits.costCategories.some((c) => c.code === line.category)) problems.push({ key: 'unknownCategory', line: index })
	})
	if (requested > limits.maxGrant) problems.push({ key: 'overMax', values: { max: limits.maxGrant } })
	if (requested > 0 && requested < limits.minGrant) problems.push({ key: 'underMin', values: { min: limits.minGrant } })
	// Own share must be at least the programme's percentage of the whole project's costs.
	if (total > 0 && ownShare * 100 < limits.coFinancingPercent * total) problems.push({ key: 'coFinancing', values: { percent: limits.coFinancingPercent } })
	for (const category of limits.costCategories) {
		if (category.maxPercent === undefined || requested === 0) continue
		const inCategory = lines.filter((l) => l.category === category.code).reduce((sum, l) => sum + l.requested, 0)
		if (inCategory * 100 > category.maxPercent * requested)
			problems.push({ key: 'categoryShare', values: { category: category.name, percent: category.maxPercent } })
	}
	return { requested, ownShare, total, problems }
}

export type TypedBudgetRow = { category: string; ownShare: string; requested: string }

/** Crowns as the applicant types them ("12 500", "12500,50") in haléře; null when not an amount (the server says so on submit). */
export function typedCrowns(typed: string): number | null {
	const clean = typed.replace(/\s/g, '').replace(',', '.')
	if (clean === '') return 0
	return /^\d+(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : null
}

/**
 * The live check as the applicant types (progressive enhancement; the server runs checkBudget again on
 * submit): the rows with a category, amounts as typed. Null while an amount is not a number yet.
 */
export function checkTypedBudget(rows: TypedBudgetRow[], limits: BudgetLimits) {
	const lines: BudgetLineInput[] = []
	for (const row of rows) {
		if (!row.category) continue
		const ownShare = typedCrowns(row.ownShare)
		const requested = typedCrowns(row.requested)
		if (ownShare === null || requested === null) return null
		lines.push({ category: row.category, ownShare, requested })
	}
	return checkBudget(lines, limits)
}
