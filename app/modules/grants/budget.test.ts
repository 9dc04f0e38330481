import { describe, expect, test } from 'vitest'
import { checkTypedBudget, typedCrowns } from './budget'

const limits = {
	maxGrant: 5_000_000,
	minGrant: 100_000,
	coFinancingPercent: 20,
	costCategories: [
		{ code: 'rent', name: 'Nájem' },
		{ code: 'material', name: 'Materiál', maxPercent: 50 },
	],
}

describe('the live budget check as the applicant types', () => {
	test('crowns typed with spaces or a decimal comma; anything else is not an amount yet', () => {
		expect(typedCrowns('12 500')).toBe(1_250_000)
		expect(typedCrowns('12500,50')).toBe(1_250_050)
		expect(typedCrowns('')).toBe(0)
		expect(typedCrowns('12a')).toBeNull()
		expect(typedCrowns('1,234')).toBeNull()
	})

	test('over the programme maximum is flagged as typed, and clears once fixed (the same rule as the server)', () => {
		const row = (requested: string) => [
			{ category: 'rent', ownShare: '20000', requested },
			{ category: '', ownShare: '5', requested: '999999' },
		]
		expect(checkTypedBudget(row('70000'), limits)?.problems.map((p) => p.key)).toEqual(['overMax'])
		expect(checkTypedBudget(row('50000'), limits)).toMatchObject({ requested: 5_000_000, ownShare: 2_000_000, problems: [] })
	})

	test('the own share and a category share are checked too; a half-typed amount waits', () => {
		expect(checkTypedBudget([{ category: 'material', ownShare: '1000', requested: '40000' }], limits)?.problems.map((p) => p.key)).toEqual([
			'coFinancing',
			'categoryShare',
		])
		expect(checkTypedBudget([{ category: 'rent', ownShare: '10 000', requested: '4x' }], limits)).toBeNull()
	})
})
