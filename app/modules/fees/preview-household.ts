// The rules editor's example: "a household of 2 adults and a child under 6 with one dog pays ...",
// computed with the same pure calculator that generates the claims.
import { calculateClaims } from './calculate-claims'
import type { Rulebook } from './rulebook-schema'

export type HouseholdPreview = {
	year: number
	total: number
	totalOnline: number
	lines: { feeType: string; who: 'adult1' | 'adult2' | 'child' | 'dog'; amount: number }[]
}

export function previewHousehold(rulebook: Rulebook, year: number): HouseholdPreview {
	const residents = [
		{ id: 'adult1', dateOfBirth: `${year - 40}-03-01`, disability: 'none' as const },
		{ id: 'adult2', dateOfBirth: `${year - 38}-07-01`, disability: 'none' as const },
		{ id: 'child', dateOfBirth: `${year - 3}-05-01`, disability: 'none' as const },
	]
	const from = `${year - 5}-01-01`
	const obligations = [
		...rulebook.feeTypes
			.filter((f) => f.kind === 'waste')
			.flatMap((f) => residents.map((r) => ({ id: `${f.code}:${r.id}`, residentId: r.id, feeType: f.code, validFrom: from, validTo: null }))),
		...rulebook.feeTypes
			.filter((f) => f.kind === 'dog')
			.map((f) => ({ id: `${f.code}:dog`, residentId: 'adult1', feeType: f.code, validFrom: from, validTo: null })),
	]
	const drafts = calculateClaims({ rulebook, year, residents, obligations, asOf: `${year}-01-01` })
	const byLine = new Map<string, HouseholdPreview['lines'][number]>()
	for (const d of drafts) {
		const who = d.obligationId.endsWith(':dog') ? 'dog' : (d.residentId as 'adult1' | 'adult2' | 'child')
		const key = `${d.feeType}:${who}`
		const line = byLine.get(key) ?? { feeType: d.feeType, who, amount: 0 }
		line.amount += d.amount
		byLine.set(key, line)
	}
	const lines = [...byLine.values()]
	const discount = drafts.reduce((sum, d) => sum + d.discountAmount, 0)
	const total = lines.reduce((sum, l) => sum + l.amount, 0)
	return { year, total, totalOnline: total - discount, lines }
}
