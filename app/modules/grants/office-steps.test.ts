import { describe, expect, test } from 'vitest'
import { GRANT_STATES } from './grant-states'
import { halere, readFormalCheck } from './office-step-action.server'
import { OFFICE_STEPS, openOfficeSteps, STEP_PERMISSION, type StepContext } from './office-steps'

const clerk: StepContext = { state: 'submitted', canWork: true, isAdmin: false, assignment: null, hasContract: false }
const admin: StepContext = { ...clerk, isAdmin: true }
const evaluator: StepContext = { state: 'in_evaluation', canWork: false, isAdmin: false, assignment: { conflictDeclaration: null }, hasContract: false }

describe('the office steps on one application', () => {
	test('each state opens the steps of its stage only', () => {
		expect(openOfficeSteps(clerk)).toEqual(['formal'])
		expect(openOfficeSteps({ ...clerk, state: 'in_evaluation' })).toEqual([])
		expect(openOfficeSteps({ ...admin, state: 'in_evaluation' })).toEqual(['assign', 'decide'])
		expect(openOfficeSteps({ ...clerk, state: 'awarded' })).toEqual(['contract'])
		expect(openOfficeSteps({ ...clerk, state: 'awarded', hasContract: true })).toEqual(['contract', 'signed'])
		expect(openOfficeSteps({ ...clerk, state: 'contracted' })).toEqual(['paid'])
		expect(openOfficeSteps({ ...clerk, state: 'settlement_filed' })).toEqual(['settlement'])
		for (const state of ['draft', 'returned', 'excluded', 'rejected', 'paid', 'settlement_returned', 'settled'])
			expect(openOfficeSteps({ ...admin, state, hasContract: true }), state).toEqual([])
	})

	test('an evaluator declares first, scores only after "no conflict", and never works the file', () => {
		expect(openOfficeSteps(evaluator)).toEqual(['declare'])
		expect(openOfficeSteps({ ...evaluator, assignment: { conflictDeclaration: 'none' } })).toEqual(['score'])
		expect(openOfficeSteps({ ...evaluator, assignment: { conflictDeclaration: 'conflict' } })).toEqual([])
		for (const state of GRANT_STATES) expect(openOfficeSteps({ ...evaluator, state }).every((s) => STEP_PERMISSION[s] === 'read')).toBe(true)
	})

	test('every step names its permission; only the decision and the assignment need manage', () => {
		expect(OFFICE_STEPS.filter((s) => STEP_PERMISSION[s] === 'manage')).toEqual(['assign', 'decide'])
	})

	test('amounts typed in crowns become haléře; anything else is refused as NaN', () => {
		expect(halere('12 500')).toBe(1_250_000)
		expect(halere('12500,50')).toBe(1_250_050)
		expect(halere('12.5.1')).toBeNaN()
		expect(halere('')).toBeNaN()
		expect(halere('-5')).toBeNaN()
	})

	test('the formal check form reads as the domain outcome', () => {
		const body = new FormData()
		body.set('outcome', 'excluded')
		body.set('message', 'Pozdě')
		expect(readFormalCheck(body)).toEqual({ outcome: 'excluded', reason: 'Pozdě' })
		body.set('outcome', 'anything')
		expect(readFormalCheck(body)).toEqual({ outcome: 'complete' })
	})
})
