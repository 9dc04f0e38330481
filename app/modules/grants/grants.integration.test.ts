import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { pdfText } from '../../../tests/pdf-text'
import { accessibleWhere, defineAbilityFor } from '../access/ability.server'
import { getTenantDb, type TenantDb } from '../db/tenant-db.server'
import { decideGrantApplication } from './decide-application.server'
import { assignEvaluators, declareConflictOfInterest, scoreGrantApplication } from './evaluation.server'
import { generateGrantContract, listContractDuties, markGrantContractSigned } from './contract.server'
import { recordFormalCheck } from './formal-check.server'
import { GrantInputError } from './grant-error'
import { canTransitionGrant } from './grant-states'
import { ProgrammeInputSchema } from './programme-schema'
import { publishProgramme } from './publish-programme.server'
import { rankGrantApplications } from './rank-applications.server'
import { saveGrantApplication, startGrantApplication } from './save-application.server'
import { saveProgramme } from './save-programme.server'
import { submitGrantApplication } from './submit-application.server'

const town = await createTown('grants-town')
const other = await createTown('grants-other')
const db = getTenantDb(town.tenant)
const otherDb = getTenantDb(other.tenant)
// 10:00 in Prague on 1 December 2026; the call runs 2027-01-01..2027-01-31.
const BEFORE = new Date('2026-12-01T09:00:00Z')
const IN_CALL = new Date('2027-01-15T09:00:00Z')

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(e: unknown) => (e instanceof GrantInputError ? e.key : `unexpected: ${String(e)}`),
	)

async function staff(target: TenantDb, email: string, roles: ('admin' | 'clerk' | 'evaluator')[]) {
	return target.staffUser.create({ data: { email, name: email, roles, agendas: roles.includes('clerk') ? ['grants'] : [] } })
}

async function programme(target: TenantDb, code: string, staffId: string, totalBudget = 100_000, maxGrant = 50_000) {
	const input = ProgrammeInputSchema.parse({
		code,
		name: `Program ${code}`,
		purpose: 'Podpora spolků',
		totalBudget: String(totalBudget),
		maxGrant: String(maxGrant),
		minGrant: '1000',
		eligibleApplicants: 'both',
		coFinancingPercent: '20',
		costCategories: 'rent | Nájem\nmaterial | Materiál | 50',
		criteria: 'quality | Kvalita | 2 | 10\nreach | Dosah | 1 | 5',
		requiredAttachments: '',
		callName: 'Výzva 2027',
		opensOn: '2027-01-01',
		closesOn: '2027-01-31',
		contractTemplate: '',
		settlementDeadline: '2028-01-31',
	})
	const { versionId } = await saveProgramme({ db: target, staffId, input })
	await publishProgramme({ db: target, staffId, versionId, confirmOverride: false, now: BEFORE })
	const call = await target.grantCall.findFirstOrThrow({ where: { programmeVersionId: versionId } })
	return { versionId, callId: call.id }
}

const admin = await staff(db, 'admin@grants.test', ['admin'])
const clerk = await staff(db, 'clerk@grants.test', ['clerk'])
const evaluatorA = await staff(db, 'eva@grants.test', ['evaluator'])
const evaluatorB = await staff(db, 'evb@grants.test', ['evaluator'])
const applicant = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', notificationEmail: 'jana@example.test' } })
const { versionId, callId } = await programme(db, 'spolky', admin.id)

const budget = (requested: number, own: number) => [{ category: 'rent', description: 'Tělocvična', ownShare: own * 100, requested: requested * 100 }]
const filled = (lines = budget(20_000, 10_000)) => ({
	purpose: 'Turnaj',
	reasoning: 'Pro děti',
	periodFrom: '2027-03-01',
	periodTo: '2027-10-31',
	representatives: 'Petr Novák, předseda',
	ownership: '',
	budget: lines,
})

async function submitted(amount = 20_000, now = IN_CALL, call = callId) {
	const app = await startGrantApplication({ db, personId: applicant.id, callId: call, applicant: { kind: 'natural' }, now })
	await saveGrantApplication({ db, personId: applicant.id, applicationId: app.id, input: filled(budget(amount, amount / 2)) })
	await submitGrantApplication({ db, personId: applicant.id, applicationId: app.id, now })
	return app.id
}

async function inEvaluation(amount = 20_000, call = callId) {
	const id = await submitted(amount, IN_CALL, call)
	await recordFormalCheck({ db, staffId: clerk.id, applicationId: id, check: { outcome: 'complete' }, now: IN_CALL })
	return id
}

describe('the state machine', () => {
	test('no step skips the formal check or the decision; end states stay ended', () => {
		expect(canTransitionGrant('draft', 'submitted')).toBe(true)
		expect(canTransitionGrant('draft', 'in_evaluation')).toBe(false)
		expect(canTransitionGrant('submitted', 'awarded')).toBe(false)
		expect(canTransitionGrant('in_evaluation', 'awarded')).toBe(true)
		expect(canTransitionGrant('rejected', 'awarded')).toBe(false)
		expect(canTransitionGrant('settled', 'settlement_filed')).toBe(false)
	})

	test('the database refuses an unknown state and a rejection without a reason', async () => {
		const id = await inEvaluation()
		await expect(db.grantApplication.update({ where: { id }, data: { state: 'approved' } })).rejects.toThrow()
		await expect(db.grantApplication.update({ where: { id }, data: { state: 'rejected' } })).rejects.toThrow()
	})

	test('a published programme version is frozen in the database', async () => {
		await expect(db.grantProgrammeVersion.update({ where: { id: versionId }, data: { name: 'Jiný' } })).rejects.toThrow(/frozen/)
	})
})

describe('publication 30 days before the window', () => {
	test('too late needs the admin to confirm the override, which is recorded', async () => {
		const input = ProgrammeInputSchema.parse({
			code: 'pozde',
			name: 'Pozdě',
			purpose: 'Účel',
			totalBudget: '1000',
			maxGrant: '500',
			eligibleApplicants: 'legal',
			costCategories: 'rent | Nájem',
			criteria: 'q | Kvalita | 1 | 5',
			requiredAttachments: '',
			callName: 'Výzva',
			opensOn: '2026-12-20',
			closesOn: '2026-12-31',
		})
		const { versionId: late } = await saveProgramme({ db, staffId: admin.id, input })
		expect(await refusal(publishProgramme({ db, staffId: admin.id, versionId: late, confirmOverride: false, now: BEFORE }))).toBe('errors.publicationLead')
		await publishProgramme({ db, staffId: admin.id, versionId: late, confirmOverride: true, now: BEFORE })
		expect(await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: late } })).toMatchObject({ state: 'published', publicationOverrideBy: admin.id })
		const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'grants.programme_publish', details: { path: ['versionId'], equals: late } } })
		expect(audit.details).toMatchObject({ override: true, leadDays: 19, requiredDays: 30 })
	})
})

describe('the deadline in Prague time', () => {
	// 31 January 2027 ends at 23:00:00Z (Prague is UTC+1 in winter).
	test('submission is accepted at 23:59:59 Prague on the last day and refused at 00:00:00 the next day', async () => {
		const lastSecond = new Date('2027-01-31T22:59:59Z')
		const nextDay = new Date('2027-01-31T23:00:00Z')
		const app = await startGrantApplication({ db, personId: applicant.id, callId, applicant: { kind: 'natural' }, now: IN_CALL })
		await saveGrantApplication({ db, personId: applicant.id, applicationId: app.id, input: filled() })
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: app.id, now: nextDay }))).toBe('errors.callClosed')
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: app.id, now: lastSecond }))).toBeNull()
		expect((await db.grantApplication.findUniqueOrThrow({ where: { id: app.id } })).state).toBe('submitted')
	})

	test('a budget over the programme limit is refused on the server, and accepted once fixed', async () => {
		const app = await startGrantApplication({ db, personId: applicant.id, callId, applicant: { kind: 'natural' }, now: IN_CALL })
		await saveGrantApplication({ db, personId: applicant.id, applicationId: app.id, input: filled(budget(60_000, 30_000)) })
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: app.id, now: IN_CALL }))).toBe('budget.overMax')
		await saveGrantApplication({ db, personId: applicant.id, applicationId: app.id, input: filled(budget(40_000, 10_000)) })
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: app.id, now: IN_CALL }))).toBeNull()
	})
})

describe('evaluation', () => {
	test("an evaluator sees only assigned applications, never another town's", async () => {
		const assigned = await inEvaluation()
		const unassigned = await inEvaluation()
		await assignEvaluators({ db, staffId: admin.id, applicationId: assigned, evaluatorIds: [evaluatorA.id] })
		const ability = defineAbilityFor({ kind: 'staff', staffUserId: evaluatorA.id, roles: ['evaluator'], agendas: [] })
		const visible = await db.grantApplication.findMany({ where: accessibleWhere(ability, 'read', 'GrantApplication'), select: { id: true } })
		expect(visible.map((a) => a.id)).toEqual([assigned])
		expect(visible.map((a) => a.id)).not.toContain(unassigned)
		// The same staff id in another town's schema reaches nothing there.
		const otherAdmin = await staff(otherDb, 'admin@other.test', ['admin'])
		const otherPerson = await otherDb.person.create({ data: { givenName: 'Karel', familyName: 'Jiný' } })
		const { callId: otherCall } = await programme(otherDb, 'sport', otherAdmin.id)
		await startGrantApplication({ db: otherDb, personId: otherPerson.id, callId: otherCall, applicant: { kind: 'natural' }, now: IN_CALL })
		expect(await otherDb.grantApplication.findMany({ where: accessibleWhere(ability, 'read', 'GrantApplication') })).toEqual([])
	})

	test('a declared conflict of interest blocks scoring; no declaration blocks it too', async () => {
		const id = await inEvaluation()
		await assignEvaluators({ db, staffId: admin.id, applicationId: id, evaluatorIds: [evaluatorA.id, evaluatorB.id] })
		const scores = [
			{ criterion: 'quality', points: 8, comment: 'Dobré' },
			{ criterion: 'reach', points: 4, comment: '' },
		]
		expect(await refusal(scoreGrantApplication({ db, staffId: evaluatorA.id, applicationId: id, scores }))).toBe('errors.declareFirst')
		await declareConflictOfInterest({ db, staffId: evaluatorA.id, applicationId: id, hasConflict: true })
		expect(await refusal(scoreGrantApplication({ db, staffId: evaluatorA.id, applicationId: id, scores }))).toBe('errors.conflictOfInterest')
		await declareConflictOfInterest({ db, staffId: evaluatorB.id, applicationId: id, hasConflict: false })
		expect(
			await refusal(
				scoreGrantApplication({ db, staffId: evaluatorB.id, applicationId: id, scores: [{ criterion: 'quality', points: 11, comment: '' }, scores[1]!] }),
			),
		).toBe('errors.points')
		await scoreGrantApplication({ db, staffId: evaluatorB.id, applicationId: id, scores })
		const ranking = await rankGrantApplications({ db, programmeVersionId: versionId })
		// The conflicted evaluator shows without a total and counts nowhere in the average.
		expect(ranking.rows.find((r) => r.id === id)).toMatchObject({
			score: 8 * 2 + 4,
			evaluations: 1,
			evaluators: [
				{ name: 'eva@grants.test', total: null, conflict: true },
				{ name: 'evb@grants.test', total: 20, conflict: false },
			],
		})
		expect(ranking.maxScore).toBe(10 * 2 + 5 * 1)
		expect(ranking.rows.map((r) => r.rank)).toEqual(ranking.rows.map((_, i) => i + 1))
	})
})

describe('decision, contract and deadlines', () => {
	test("awarding past the programme budget needs an admin's explicit confirmation, and is audited", async () => {
		const first = await inEvaluation(50_000)
		const second = await inEvaluation(50_000)
		const third = await inEvaluation(30_000)
		const award = (amount: number, confirmOverBudget = false) => ({
			outcome: 'award' as const,
			amount: amount * 100,
			resolutionNumber: 'R/1/2027',
			resolutionDate: '2027-02-15',
			confirmOverBudget,
		})
		// 80 000 of the programme's 100 000 Kč go to the first two; 30 000 more would pass the budget.
		for (const id of [first, second])
			expect(await refusal(decideGrantApplication({ db, staffId: admin.id, isAdmin: true, applicationId: id, decision: award(40_000) }))).toBeNull()
		expect(await refusal(decideGrantApplication({ db, staffId: admin.id, isAdmin: true, applicationId: third, decision: award(30_000) }))).toBe(
			'errors.overBudget',
		)
		expect(await refusal(decideGrantApplication({ db, staffId: clerk.id, isAdmin: false, applicationId: third, decision: award(30_000, true) }))).toBe(
			'errors.overBudget',
		)
		expect(await refusal(decideGrantApplication({ db, staffId: admin.id, isAdmin: true, applicationId: third, decision: award(30_000, true) }))).toBeNull()
		expect(await db.auditLog.findMany({ where: { action: 'grants.over_budget_confirmed', subject: `GrantApplication:${third}` } })).toEqual([
			expect.objectContaining({ staffId: admin.id }),
		])
		expect((await db.grantApplication.findUniqueOrThrow({ where: { id: third } })).decidingBody).toBe('rada')
	})

	test("a rejection needs a reason, which the applicant's timeline shows", async () => {
		const id = await inEvaluation()
		expect(
			await refusal(
				decideGrantApplication({
					db,
					staffId: admin.id,
					isAdmin: true,
					applicationId: id,
					decision: { outcome: 'reject', reason: ' ', resolutionNumber: 'R/2', resolutionDate: '2027-02-15' },
				}),
			),
		).toBe('errors.required')
		await decideGrantApplication({
			db,
			staffId: admin.id,
			isAdmin: true,
			applicationId: id,
			decision: { outcome: 'reject', reason: 'Nesplňuje účel programu', resolutionNumber: 'R/2', resolutionDate: '2027-02-15' },
		})
		const last = await db.grantApplicationEvent.findFirstOrThrow({ where: { applicationId: id }, orderBy: { id: 'desc' } })
		expect(last).toMatchObject({ toState: 'rejected', message: 'Nesplňuje účel programu' })
	})

	test('a signed contract over 50 000 Kč lists the board and registr smluv deadlines; a smaller one none', async () => {
		const { callId: bigCall } = await programme(db, 'velke-akce', admin.id, 500_000, 100_000)
		const big = await inEvaluation(50_001, bigCall)
		const small = await inEvaluation(50_000, bigCall)
		for (const [id, amount] of [
			[big, 50_001],
			[small, 50_000],
		] as const) {
			await decideGrantApplication({
				db,
				staffId: admin.id,
				isAdmin: true,
				applicationId: id,
				decision: { outcome: 'award', amount: amount * 100, resolutionNumber: 'R/3', resolutionDate: '2027-02-15', confirmOverBudget: true },
			})
			await generateGrantContract({ db, staffId: clerk.id, applicationId: id, town: { name: 'Obec Test' } })
		}
		const pdf = await db.grantContract.findUniqueOrThrow({ where: { applicationId: big } })
		expect(Buffer.from(pdf.pdf).subarray(0, 5).toString()).toBe('%PDF-')
		await markGrantContractSigned({ db, staffId: clerk.id, applicationId: big, signedOn: '2027-03-01' })
		await markGrantContractSigned({ db, staffId: clerk.id, applicationId: small, signedOn: '2027-03-01' })
		const duties = await listContractDuties({ db })
		// 50 000 Kč exactly is not "above 50 000 Kč": no duty for the smaller one.
		expect(duties.filter((d) => d.applicationId === big || d.applicationId === small).map((d) => `${d.duty} ${d.deadline} ${d.doneOn ?? 'due'}`)).toEqual([
			'board 2027-03-31 due',
			'registr_smluv 2027-03-31 due',
		])
		expect(duties.every((d) => d.applicationId !== small)).toBe(true)
	})
})

describe('the programme editor', () => {
	test('a saved version read back into the form saves the same rules (round trip through the editor)', async () => {
		const { loadProgrammeVersion, readProgrammeForm } = await import('./programme-form.server')
		const loaded = await loadProgrammeVersion(db, versionId)
		expect(loaded?.state).toBe('published')
		const body = new FormData()
		for (const [k, v] of Object.entries(loaded!.values)) body.set(k, v)
		const form = readProgrammeForm(body)
		expect(form.ok).toBe(true)
		if (!form.ok) return
		const stored = await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: versionId } })
		expect(form.input).toMatchObject({
			totalBudget: stored.totalBudget,
			maxGrant: stored.maxGrant,
			minGrant: stored.minGrant,
			costCategories: stored.costCategories,
			criteria: stored.criteria,
			settlementDeadline: '2028-01-31',
			opensOn: '2027-01-01',
			closesOn: '2027-01-31',
		})
		// Saving a published programme starts version 2 as a draft; the published one stays frozen.
		const { versionId: next } = await saveProgramme({
			db,
			staffId: admin.id,
			input: { ...form.input, name: 'Program spolky (změna)' },
			programmeId: loaded!.programmeId,
		})
		expect(next).not.toBe(versionId)
		expect(await loadProgrammeVersion(db, next)).toMatchObject({ version: 2, state: 'draft', values: { name: 'Program spolky (změna)' } })
		expect((await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: versionId } })).name).toBe('Program spolky')
	})
})

describe('the official board (issue 17, §10c and §10d)', () => {
	test('a published programme is on the board until its decision deadline or last call day', async () => {
		const { versionId: published } = await programme(db, 'na-desku', admin.id)
		const version = await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: published } })
		const posted = await db.boardDocument.findFirstOrThrow({ where: { title: `Dotační program ${version.name}` }, include: { attachments: true } })
		expect(posted.state).toBe('posted')
		expect(posted.postedUntil.toISOString().slice(0, 10)).toBe('2027-01-31')
		expect(Buffer.from(posted.attachments[0]!.content).subarray(0, 5).toString()).toBe('%PDF-')
	})

	test("a signed contract above 50 000 Kč is posted at once (the duty done); a natural person's copy has no birth date", async () => {
		const { callId: bigCall } = await programme(db, 'deska-smlouvy', admin.id, 500_000, 100_000)
		const id = await inEvaluation(60_000, bigCall)
		await db.grantApplication.update({ where: { id }, data: { birthDate: new Date('1980-04-03T00:00:00Z'), address: 'Zámecká 1, Veselí' } })
		await decideGrantApplication({
			db,
			staffId: admin.id,
			isAdmin: true,
			applicationId: id,
			decision: { outcome: 'award', amount: 6_000_000, resolutionNumber: 'R/9', resolutionDate: '2027-02-15', confirmOverBudget: true },
		})
		const town = { name: 'Obec Test' }
		const { number } = await generateGrantContract({ db, staffId: clerk.id, applicationId: id, town })
		const full = await db.grantContract.findUniqueOrThrow({ where: { applicationId: id } })
		expect(await pdfText(Buffer.from(full.pdf))).toContain('3. 4. 1980')
		await markGrantContractSigned({ db, staffId: clerk.id, applicationId: id, signedOn: '2027-03-01', town })
		const posted = await db.boardDocument.findFirstOrThrow({
			where: { title: `Veřejnoprávní smlouva o poskytnutí dotace ${number}` },
			include: { attachments: true },
		})
		expect(posted.state).toBe('posted')
		const text = await pdfText(Buffer.from(posted.attachments[0]!.content))
		expect(text).toContain('Jana Nováková')
		expect(text).not.toContain('3. 4. 1980')
		expect(text).not.toContain('Zámecká')
		const duty = (await listContractDuties({ db })).find((d) => d.applicationId === id && d.duty === 'board')
		expect(duty?.doneOn).toEqual(expect.any(String))
	})
})

describe('the awarded total and the budget, in the database (two people deciding at once)', () => {
	const award = (amount: number, confirmOverBudget = false) => ({
		outcome: 'award' as const,
		amount: amount * 100,
		resolutionNumber: 'R/7/2027',
		resolutionDate: '2027-02-15',
		confirmOverBudget,
	})
	const awardedTotal = async (programmeVersionId: string) =>
		(await db.grantApplication.aggregate({ where: { call: { programmeVersionId }, state: 'awarded' }, _sum: { awardedAmount: true } }))._sum.awardedAmount ?? 0

	test('two admins awarding at once: one is awarded, the other refused with the budget message; the total stays within the budget', async () => {
		const { versionId: race, callId: raceCall } = await programme(db, 'souboj', admin.id, 60_000, 50_000)
		const [a, b] = [await inEvaluation(40_000, raceCall), await inEvaluation(40_000, raceCall)]
		const outcomes = await Promise.all(
			[a, b].map((id) => refusal(decideGrantApplication({ db, staffId: admin.id, isAdmin: true, applicationId: id, decision: award(40_000) }))),
		)
		expect(outcomes.sort()).toEqual(['errors.overBudget', null].sort())
		expect(await awardedTotal(race)).toBe(4_000_000)
	})

	test('the trigger alone serialises two transactions that skip the app check, and refuses the second', async () => {
		const { versionId: race, callId: raceCall } = await programme(db, 'souboj-db', admin.id, 60_000, 50_000)
		const [a, b] = [await inEvaluation(40_000, raceCall), await inEvaluation(40_000, raceCall)]
		const bypass = (id: string) =>
			db.$transaction(async (tx) => {
				await tx.grantApplication.update({ where: { id }, data: { state: 'awarded', awardedAmount: 4_000_000, resolutionNumber: 'R/8', decidingBody: 'rada' } })
				// Both hold their transaction open, so without the trigger's lock neither would see the other's award.
				await tx.$executeRawUnsafe('SELECT pg_sleep(0.3)')
			})
		const settled = await Promise.allSettled([bypass(a), bypass(b)])
		expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected'])
		const failure = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult
		expect(String(failure.reason)).toMatch(/grant_application_within_budget/)
		expect(await awardedTotal(race)).toBe(4_000_000)
	})

	test('past the budget only with the confirming admin recorded on the application', async () => {
		const { callId: smallCall } = await programme(db, 'maly', admin.id, 50_000, 50_000)
		const [a, b] = [await inEvaluation(40_000, smallCall), await inEvaluation(40_000, smallCall)]
		await decideGrantApplication({ db, staffId: admin.id, isAdmin: true, applicationId: a, decision: award(40_000) })
		await expect(
			db.grantApplication.update({ where: { id: b }, data: { state: 'awarded', awardedAmount: 4_000_000, resolutionNumber: 'R/9', decidingBody: 'rada' } }),
		).rejects.toThrow(/grant_application_within_budget/)
		expect(await refusal(decideGrantApplication({ db, staffId: admin.id, isAdmin: true, applicationId: b, decision: award(40_000, true) }))).toBeNull()
		expect(await db.grantApplication.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ state: 'awarded', overBudgetConfirmedBy: admin.id })
	})
})
