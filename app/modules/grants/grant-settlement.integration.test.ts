// Issue 14, what the grants journey did not yet cover: attachments checked by content and the
// programme's required list enforced at submission; who may download them; the application's
// confirmation PDF; the settlement's costs per budget category and receipts; and unspent money as a
// claim with the recipient (a legal person by IČO) as debtor, paid through the bank statement import,
// after which the settlement records the return as settled.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { pdfText } from '../../../tests/pdf-text'
import { defineAbilityFor } from '../access/ability.server'
import { generateGpc } from '../bank-statements/generate-gpc'
import { importStatement } from '../bank-statements/import-statement.server'
import { getTenantDb } from '../db/tenant-db.server'
import { bodyLimitFor, PLAIN_FORM_LIMIT } from '../http/body-limit.server'
import type { TownProfile } from '../tenancy/town-profile.server'
import { grantApplicationPdf } from './application-pdf.server'
import { generateGrantContract, markGrantContractSigned } from './contract.server'
import { decideGrantApplication } from './decide-application.server'
import { assignEvaluators, declareConflictOfInterest } from './evaluation.server'
import { recordFormalCheck } from './formal-check.server'
import { addGrantAttachments, findMyGrantAttachment, findOfficeGrantAttachment, removeGrantAttachment } from './grant-attachments.server'
import { GrantInputError } from './grant-error'
import { markGrantPaid } from './payouts.server'
import { ProgrammeInputSchema } from './programme-schema'
import { publishProgramme } from './publish-programme.server'
import { saveGrantApplication, startGrantApplication } from './save-application.server'
import { saveProgramme } from './save-programme.server'
import { fileGrantSettlement, reviewGrantSettlement, settlementReturn } from './settlement.server'
import { submitGrantApplication } from './submit-application.server'

const town = await createTown('grants-settle')
const db = getTenantDb(town.tenant)
const BEFORE = new Date('2026-12-01T09:00:00Z')
const IN_CALL = new Date('2027-01-15T09:00:00Z')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)])

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(e: unknown) => (e instanceof GrantInputError ? `${e.key}${e.values.name ? ` ${e.values.name}` : ''}` : `unexpected: ${String(e)}`),
	)

const admin = await db.staffUser.create({ data: { email: 'admin@settle.test', name: 'Admin', roles: ['admin'] } })
const clerk = await db.staffUser.create({ data: { email: 'clerk@settle.test', name: 'Referent', roles: ['clerk'], agendas: ['grants'] } })
const evaluator = await db.staffUser.create({ data: { email: 'eva@settle.test', name: 'Eva', roles: ['evaluator'] } })
const outsider = await db.staffUser.create({ data: { email: 'out@settle.test', name: 'Jiný', roles: ['evaluator'] } })
const applicant = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
const stranger = await db.person.create({ data: { givenName: 'Karel', familyName: 'Cizí' } })

const input = ProgrammeInputSchema.parse({
	code: 'spolky-prilohy',
	name: 'Podpora spolků',
	purpose: 'Spolková činnost',
	totalBudget: '500000',
	maxGrant: '100000',
	minGrant: '1000',
	eligibleApplicants: 'both',
	coFinancingPercent: '10',
	costCategories: 'rent | Nájem prostor\nmaterial | Materiál | 60',
	criteria: 'quality | Kvalita | 1 | 10',
	requiredAttachments: 'statutes | Stanovy spolku\nbank | Doklad o účtu',
	callName: 'Výzva 2027',
	opensOn: '2027-01-01',
	closesOn: '2027-01-31',
	contractTemplate: '',
	settlementDeadline: '2028-01-31',
})
const { versionId } = await saveProgramme({ db, staffId: admin.id, input })
await publishProgramme({ db, staffId: admin.id, versionId, confirmOverride: false, now: BEFORE })
const { id: callId } = await db.grantCall.findFirstOrThrow({ where: { programmeVersionId: versionId } })

async function draft() {
	const app = await startGrantApplication({ db, personId: applicant.id, callId, applicant: { kind: 'natural' }, now: IN_CALL })
	await saveGrantApplication({
		db,
		personId: applicant.id,
		applicationId: app.id,
		input: {
			purpose: 'Letní tábor',
			reasoning: 'Pro děti z obce',
			periodFrom: '2027-03-01',
			periodTo: '2027-10-31',
			representatives: '',
			ownership: '',
			budget: [
				{ category: 'rent', description: 'Klubovna', ownShare: 2_000_00, requested: 30_000_00 },
				{ category: 'material', description: 'Pomůcky', ownShare: 5_000_00, requested: 15_000_00 },
			],
		},
	})
	return app.id
}
const attach = (applicationId: string, kind: string, fileName: string, content: Buffer, personId = applicant.id) =>
	addGrantAttachments({ db, personId, applicationId, purpose: 'application', kind, files: [{ fileName, content }] })

async function paidGrant(awarded: number) {
	const id = await draft()
	await attach(id, 'statutes', 'stanovy.pdf', PDF)
	await attach(id, 'bank', 'ucet.png', PNG)
	await submitGrantApplication({ db, personId: applicant.id, applicationId: id, now: IN_CALL })
	await recordFormalCheck({ db, staffId: clerk.id, applicationId: id, check: { outcome: 'complete' }, now: IN_CALL })
	await decideGrantApplication({
		db,
		staffId: admin.id,
		isAdmin: true,
		applicationId: id,
		decision: { outcome: 'award', amount: awarded, resolutionNumber: 'R/7/2027', resolutionDate: '2027-02-15', confirmOverBudget: false },
	})
	await generateGrantContract({ db, staffId: clerk.id, applicationId: id, town: { name: 'Obec Test' } })
	await markGrantContractSigned({ db, staffId: clerk.id, applicationId: id, signedOn: '2027-03-01' })
	await markGrantPaid({ db, staffId: clerk.id, applicationId: id, paidOn: '2027-03-05' })
	return id
}

describe('application attachments', () => {
	test('checked by content; every missing required attachment named at submission; accepted once attached', async () => {
		const id = await draft()
		// A renamed executable is refused by its bytes, and nothing is stored.
		expect(await refusal(attach(id, 'statutes', 'stanovy.pdf', EXE))).toBe('upload.type_not_allowed')
		expect(await refusal(attach(id, 'nonsense', 'x.pdf', PDF))).toBe('errors.choose')
		expect(await db.grantAttachment.count({ where: { applicationId: id } })).toBe(0)
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: id, now: IN_CALL }))).toBe(
			'errors.attachmentsMissing Stanovy spolku, Doklad o účtu',
		)
		await attach(id, 'statutes', 'stanovy.pdf', PDF)
		await attach(id, 'other', 'fotky.png', PNG)
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: id, now: IN_CALL }))).toBe(
			'errors.attachmentMissing Doklad o účtu',
		)
		// Somebody else cannot attach to it, nor remove from it.
		expect(await refusal(attach(id, 'bank', 'ucet.pdf', PDF, stranger.id))).toBe('errors.notFound')
		const other = await db.grantAttachment.findFirstOrThrow({ where: { applicationId: id, kind: 'other' } })
		expect(await refusal(removeGrantAttachment({ db, personId: stranger.id, attachmentId: other.id }))).toBe('errors.notFound')
		await removeGrantAttachment({ db, personId: applicant.id, attachmentId: other.id })
		await attach(id, 'bank', 'ucet.pdf', PDF)
		expect(await refusal(submitGrantApplication({ db, personId: applicant.id, applicationId: id, now: IN_CALL }))).toBeNull()
		// A filed application's attachments are frozen.
		expect(await refusal(attach(id, 'other', 'pozde.pdf', PDF))).toBe('errors.notEditable')
		const stored = await db.grantAttachment.findFirstOrThrow({ where: { applicationId: id, kind: 'statutes' } })
		expect(stored).toMatchObject({ contentType: 'application/pdf', fileName: 'stanovy.pdf', size: PDF.length })
		expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/)
	})

	test("the application page takes a body as large as the attachments' total (plus the margin); other grant pages a plain form", async () => {
		expect(await bodyLimitFor({ path: '/dotace/zadost/abc.data', db })).toBe(51 * 1024 * 1024)
		expect(await bodyLimitFor({ path: '/dotace/moje', db })).toBe(PLAIN_FORM_LIMIT)
	})

	test('downloads: the applicant their own, the clerk any, an evaluator only assigned and after declaring no conflict', async () => {
		const id = await draft()
		await attach(id, 'statutes', 'stanovy.pdf', PDF)
		await attach(id, 'bank', 'ucet.pdf', PDF)
		await submitGrantApplication({ db, personId: applicant.id, applicationId: id, now: IN_CALL })
		await recordFormalCheck({ db, staffId: clerk.id, applicationId: id, check: { outcome: 'complete' }, now: IN_CALL })
		const { id: attachmentId } = await db.grantAttachment.findFirstOrThrow({ where: { applicationId: id } })
		const citizen = (personId: string) => defineAbilityFor({ kind: 'citizen', personId })
		const staff = (staffUserId: string, roles: ('clerk' | 'evaluator')[], agendas: 'grants'[] = []) =>
			defineAbilityFor({ kind: 'staff', staffUserId, roles, agendas })
		expect(await findMyGrantAttachment({ db, ability: citizen(applicant.id), attachmentId })).not.toBeNull()
		expect(await findMyGrantAttachment({ db, ability: citizen(stranger.id), attachmentId })).toBeNull()
		const office = (staffUserId: string, roles: ('clerk' | 'evaluator')[], agendas: 'grants'[] = []) =>
			findOfficeGrantAttachment({ db, ability: staff(staffUserId, roles, agendas), staffUserId, attachmentId })
		expect(await office(clerk.id, ['clerk'], ['grants'])).not.toBeNull()
		await assignEvaluators({ db, staffId: admin.id, applicationId: id, evaluatorIds: [evaluator.id] })
		expect(await office(evaluator.id, ['evaluator'])).toBeNull()
		await declareConflictOfInterest({ db, staffId: evaluator.id, applicationId: id, hasConflict: false })
		expect(Buffer.from((await office(evaluator.id, ['evaluator']))!.content).equals(PDF)).toBe(true)
		expect(await office(outsider.id, ['evaluator'])).toBeNull()
	})
})

describe('the confirmation PDF', () => {
	test("the town's name and IČO, the number, the Prague time of filing, the amounts in Kč and the attachments", async () => {
		const id = await draft()
		await attach(id, 'statutes', 'stanovy.pdf', PDF)
		await attach(id, 'bank', 'ucet.pdf', PDF)
		const profile = { name: { cs: 'Obec Zkušební' }, contact: { ico: '00123456', address: 'Náměstí 1' }, theme: {} } as unknown as TownProfile
		const args = { db, profile, locale: 'cs' as const, applicationId: id }
		// A draft has no confirmation.
		expect(await grantApplicationPdf({ ...args, ability: defineAbilityFor({ kind: 'citizen', personId: applicant.id }), right: 'read' })).toBeNull()
		// 23:30 UTC on 30 January is 00:30 on the 31st in Prague.
		await submitGrantApplication({ db, personId: applicant.id, applicationId: id, now: new Date('2027-01-30T23:30:00Z') })
		expect(await grantApplicationPdf({ ...args, ability: defineAbilityFor({ kind: 'citizen', personId: stranger.id }), right: 'read' })).toBeNull()
		const evaluatorAbility = defineAbilityFor({ kind: 'staff', staffUserId: evaluator.id, roles: ['evaluator'], agendas: [] })
		expect(await grantApplicationPdf({ ...args, ability: evaluatorAbility, right: 'update' })).toBeNull()
		const result = await grantApplicationPdf({ ...args, ability: defineAbilityFor({ kind: 'citizen', personId: applicant.id }), right: 'read' })
		const text = (await pdfText(result!.pdf)).replace(/\s+/g, ' ')
		const number = (await db.grantApplication.findUniqueOrThrow({ where: { id } })).number
		for (const expected of [
			'Obec Zkušební',
			'IČO: 00123456',
			'Potvrzení o podání žádosti o dotaci',
			number,
			'31. 1. 2027 00:30',
			'Jana Nováková',
			'45 000,00 Kč',
			'Nájem prostor',
			'Stanovy spolku: stanovy.pdf',
			'1. 3. 2027 – 31. 10. 2027',
		])
			expect(text).toContain(expected)
		const clerkAbility = defineAbilityFor({ kind: 'staff', staffUserId: clerk.id, roles: ['clerk'], agendas: ['grants'] })
		expect((await grantApplicationPdf({ ...args, ability: clerkAbility, right: 'update' }))!.pdf.subarray(0, 5).toString()).toBe('%PDF-')
	})
})

describe('settlement and the return of unspent money', () => {
	test('costs only in the budget categories, the grant spent within the costs, a receipt required; nothing stored when refused', async () => {
		const id = await paidGrant(40_000_00)
		const file = (over: Partial<Parameters<typeof fileGrantSettlement>[0]>) =>
			refusal(
				fileGrantSettlement({
					db,
					personId: applicant.id,
					applicationId: id,
					input: { costs: [{ category: 'rent', amount: 30_000_00 }], narrative: 'Proběhlo.', spentGrant: 30_000_00 },
					receipts: [{ fileName: 'faktura.pdf', content: PDF }],
					...over,
				}),
			)
		expect(await file({ input: { costs: [{ category: 'travel', amount: 100 }], narrative: 'x', spentGrant: 0 } })).toBe('errors.settlementCategory')
		expect(await file({ input: { costs: [{ category: 'rent', amount: 0 }], narrative: 'x', spentGrant: 0 } })).toBe('errors.settlementCosts')
		expect(await file({ input: { costs: [{ category: 'rent', amount: 10_000_00 }], narrative: 'x', spentGrant: 20_000_00 } })).toBe('errors.spentOverCosts')
		expect(await file({ input: { costs: [{ category: 'rent', amount: 90_000_00 }], narrative: 'x', spentGrant: 41_000_00 } })).toBe('errors.spentGrant')
		expect(await file({ receipts: [] })).toBe('errors.receiptRequired')
		expect(await file({ receipts: [{ fileName: 'faktura.pdf', content: EXE }] })).toBe('upload.type_not_allowed')
		expect(await db.grantSettlement.count({ where: { applicationId: id } })).toBe(0)
		expect(await db.grantAttachment.count({ where: { applicationId: id, purpose: 'settlement' } })).toBe(0)
		// The clerk asks for more; the applicant refiles with the receipt already attached.
		expect(await file({})).toBeNull()
		await reviewGrantSettlement({ db, townSlug: town.tenant.slug, staffId: clerk.id, applicationId: id, outcome: 'more_requested', message: 'Doložte nájem.' })
		expect(
			await file({
				input: {
					costs: [
						{ category: 'rent', amount: 32_000_00 },
						{ category: 'material', amount: 4_000_00 },
					],
					narrative: 'Proběhlo, doloženo.',
					spentGrant: 32_000_00,
				},
				receipts: [],
			}),
		).toBeNull()
		const settlements = await db.grantSettlement.findMany({ where: { applicationId: id }, orderBy: { filedAt: 'asc' } })
		expect(settlements.map((s) => [s.outcome, s.returnAmount])).toEqual([
			['more_requested', 10_000_00],
			[null, 8_000_00],
		])
		expect(settlements[1]!.costs).toEqual([
			{ category: 'rent', amount: 32_000_00 },
			{ category: 'material', amount: 4_000_00 },
		])
	})

	test('approval with a shortfall creates a claim for the legal person by IČO; the bank import pays it; the grant records the return as settled', async () => {
		// A legal-person recipient: the claim's debtor is the association, no resident.
		const id = await paidGrant(40_000_00)
		await db.grantApplication.update({
			where: { id },
			data: { applicantKind: 'legal', applicantName: 'Spolek přátel Testova, z. s.', applicantIco: '22654313' },
		})
		await fileGrantSettlement({
			db,
			personId: applicant.id,
			applicationId: id,
			input: { costs: [{ category: 'rent', amount: 35_000_00 }], narrative: 'Tábor proběhl.', spentGrant: 35_000_00 },
			receipts: [{ fileName: 'faktura.pdf', content: PDF }],
		})
		expect(await settlementReturn({ db, applicationId: id })).toBeNull()
		const approvedAt = new Date('2027-11-30T23:30:00Z') // 1 December in Prague
		const { variableSymbol } = await reviewGrantSettlement({
			db,
			townSlug: town.tenant.slug,
			staffId: clerk.id,
			applicationId: id,
			outcome: 'approved',
			message: '',
			now: approvedAt,
		})
		const claim = await db.claim.findFirstOrThrow({ where: { grantSettlement: { applicationId: id } } })
		expect(claim).toMatchObject({
			residentId: null,
			debtorName: 'Spolek přátel Testova, z. s.',
			debtorIco: '22654313',
			feeType: 'grant_return',
			amount: 5_000_00,
			variableSymbol,
			status: 'open',
			dueDate: new Date('2027-12-31T00:00:00Z'),
		})
		const open = await settlementReturn({ db, applicationId: id })
		expect(open).toMatchObject({ amount: 5_000_00, remaining: 5_000_00, variableSymbol, settledAt: null })
		expect(open!.spayd).toContain(`AM:5000.00`)
		expect(open!.spayd).toContain(`X-VS:${variableSymbol}`)
		// A claim without a resident needs a named debtor of a grant settlement (CHECK claim_debtor).
		await expect(
			db.claim.create({
				data: { feeType: 'x', year: 2027, label: {}, baseAmount: 1, amount: 1, dueDate: new Date(), variableSymbol: '2027999999', generationKey: 'orphan' },
			}),
		).rejects.toThrow(/claim_debtor/)

		// Part, then the rest, from two bank statements: the claim pays off and the grant records it.
		const statement = (amount: number, day: string, doc: string) =>
			importStatement({
				tenant: town.tenant,
				bytes: generateGpc({ account: '1778900100', movements: [{ vs: variableSymbol!.replace(/^0+/, ''), amount, date: day, id: doc, name: 'Spolek' }] }),
				fileName: `vypis-${doc}.gpc`,
				actor: 'test',
			})
		const first = await statement(2_000_00, '2027-12-05', '9001')
		expect(first.ok && first.summary).toMatchObject({ matched: 1 })
		expect(await settlementReturn({ db, applicationId: id })).toMatchObject({ remaining: 3_000_00, settledAt: null })
		expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('partly_paid')
		await statement(3_000_00, '2027-12-06', '9002')
		expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('paid')
		const settled = await settlementReturn({ db, applicationId: id })
		expect(settled).toMatchObject({ remaining: 0, spayd: null })
		expect(settled!.settledAt).toBeInstanceOf(Date)
		expect((await db.grantApplication.findUniqueOrThrow({ where: { id } })).state).toBe('settled')
	})

	test('approval with nothing to return creates no claim', async () => {
		const id = await paidGrant(20_000_00)
		await fileGrantSettlement({
			db,
			personId: applicant.id,
			applicationId: id,
			input: { costs: [{ category: 'material', amount: 25_000_00 }], narrative: 'Vše použito.', spentGrant: 20_000_00 },
			receipts: [{ fileName: 'uctenka.png', content: PNG }],
		})
		const result = await reviewGrantSettlement({ db, townSlug: town.tenant.slug, staffId: clerk.id, applicationId: id, outcome: 'approved', message: '' })
		expect(result).toEqual({ variableSymbol: null, returnAmount: 0 })
		expect(await db.claim.count({ where: { grantSettlement: { applicationId: id } } })).toBe(0)
	})
})
