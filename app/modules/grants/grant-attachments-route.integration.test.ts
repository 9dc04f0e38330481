// Issue 14: the applicant's page takes attachments as a multipart form (a refused file answers 400 with
// its reason and stores nothing), the applicant downloads their own attachment and the confirmation
// PDF, and somebody else gets 404 for both. Real sessions on a real town schema.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { officeRequest, resolvedTenant, townContext } from '../../../tests/staff'
import { loader as attachmentLoader } from '../../routes/dotace.priloha.$id'
import { action as applicationAction } from '../../routes/dotace.zadost.$id'
import { loader as pdfLoader } from '../../routes/dotace.zadost.$id_.potvrzeni[.]pdf'
import { createSession } from '../auth/session.server'
import { getTenantDb } from '../db/tenant-db.server'
import { ProgrammeInputSchema } from './programme-schema'
import { publishProgramme } from './publish-programme.server'
import { saveGrantApplication, startGrantApplication } from './save-application.server'
import { saveProgramme } from './save-programme.server'
import { submitGrantApplication } from './submit-application.server'

const town = await createTown('grants-route')
const context = townContext(town)
const db = getTenantDb(town.tenant)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const IN_CALL = new Date('2027-01-15T09:00:00Z')
const admin = await db.staffUser.create({ data: { email: 'admin@route.test', name: 'Admin', roles: ['admin'] } })
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
const karel = await db.person.create({ data: { givenName: 'Karel', familyName: 'Cizí' } })
const cookie = (personId: string) =>
	createSession({ db, tenant: resolvedTenant(town), secure: false }, new Request('http://town.test/'), { kind: 'citizen', personId })
const [janaCookie, karelCookie] = await Promise.all([cookie(jana.id), cookie(karel.id)])

const { versionId } = await saveProgramme({
	db,
	staffId: admin.id,
	input: ProgrammeInputSchema.parse({
		code: 'route-program',
		name: 'Program',
		purpose: 'Účel',
		totalBudget: '100000',
		maxGrant: '50000',
		eligibleApplicants: 'both',
		costCategories: 'rent | Nájem',
		criteria: 'q | Kvalita | 1 | 5',
		requiredAttachments: 'statutes | Stanovy',
		callName: 'Výzva',
		opensOn: '2027-01-01',
		closesOn: '2027-01-31',
	}),
})
await publishProgramme({ db, staffId: admin.id, versionId, confirmOverride: true, now: new Date('2026-12-01T09:00:00Z') })
const { id: callId } = await db.grantCall.findFirstOrThrow({ where: { programmeVersionId: versionId } })
const { id } = await startGrantApplication({ db, personId: jana.id, callId, applicant: { kind: 'natural' }, now: IN_CALL })
await saveGrantApplication({
	db,
	personId: jana.id,
	applicationId: id,
	input: {
		purpose: 'Turnaj',
		reasoning: 'Pro děti',
		periodFrom: '2027-03-01',
		periodTo: '2027-10-31',
		representatives: '',
		ownership: '',
		budget: [{ category: 'rent', description: 'Hala', ownShare: 5_000_00, requested: 20_000_00 }],
	},
})

async function outcome(run: () => Promise<unknown>) {
	let result: unknown
	try {
		result = await run()
	} catch (error) {
		result = error
	}
	if (result instanceof Response) return { status: result.status, data: null, response: result }
	if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
		const { init, data } = result as { init: { status?: number } | null; data: unknown }
		return { status: init?.status ?? 200, data, response: null }
	}
	if (result instanceof Error) throw result
	return { status: 200, data: result, response: null }
}

function attachRequest(sessionCookie: string, file: File) {
	const body = new FormData()
	body.set('intent', 'attach')
	body.set('kind', 'statutes')
	body.append('attachment', file)
	return officeRequest(`/dotace/zadost/${id}`, sessionCookie, { method: 'POST', body })
}

describe('attachments through the applicant page', () => {
	test('a renamed executable answers 400 with its reason; a PDF is attached; only the applicant downloads it', async () => {
		const exe = new File([Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 1)])], 'stanovy.pdf', { type: 'application/pdf' })
		const refused = await outcome(() => applicationAction({ request: attachRequest(janaCookie, exe), context, params: { id } } as never))
		expect(refused).toMatchObject({
			status: 400,
			data: { error: 'upload.type_not_allowed', field: 'attachment', values: { detail: 'exe', file: 'stanovy.pdf' } },
		})
		expect(await db.grantAttachment.count({ where: { applicationId: id } })).toBe(0)

		const pdf = new File([PDF], 'Stanovy spolku.pdf', { type: 'application/octet-stream' })
		const attached = await outcome(() => applicationAction({ request: attachRequest(janaCookie, pdf), context, params: { id } } as never))
		expect(attached).toMatchObject({ status: 200, data: { attached: true } })
		// Somebody else's session cannot attach to it.
		const foreign = await outcome(() => applicationAction({ request: attachRequest(karelCookie, pdf), context, params: { id } } as never))
		expect(foreign).toMatchObject({ status: 400, data: { error: 'errors.notFound' } })
		const stored = await db.grantAttachment.findFirstOrThrow({ where: { applicationId: id } })
		expect(stored).toMatchObject({ kind: 'statutes', contentType: 'application/pdf', fileName: 'Stanovy spolku.pdf' })

		const download = (sessionCookie: string) =>
			outcome(() => attachmentLoader({ request: officeRequest(`/dotace/priloha/${stored.id}`, sessionCookie), context, params: { id: stored.id } } as never))
		const own = await download(janaCookie)
		expect(own.status).toBe(200)
		expect(own.response!.headers.get('content-type')).toBe('application/pdf')
		expect(own.response!.headers.get('x-content-type-options')).toBe('nosniff')
		expect(Buffer.from(await own.response!.arrayBuffer()).equals(PDF)).toBe(true)
		expect((await download(karelCookie)).status).toBe(404)
	})

	test('the confirmation PDF: none for a draft, the applicant gets it once filed, somebody else 404', async () => {
		const confirmation = (sessionCookie: string) =>
			outcome(() => pdfLoader({ request: officeRequest(`/dotace/zadost/${id}/potvrzeni.pdf`, sessionCookie), context, params: { id } } as never))
		expect((await confirmation(janaCookie)).status).toBe(404)
		if (!(await db.grantAttachment.count({ where: { applicationId: id, kind: 'statutes' } })))
			await db.grantAttachment.create({
				data: {
					applicationId: id,
					kind: 'statutes',
					fileName: 's.pdf',
					contentType: 'application/pdf',
					size: PDF.length,
					sha256: 'x',
					content: new Uint8Array(PDF),
				},
			})
		await submitGrantApplication({ db, personId: jana.id, applicationId: id, now: IN_CALL })
		const own = await confirmation(janaCookie)
		expect(own.status).toBe(200)
		expect(own.response!.headers.get('content-type')).toBe('application/pdf')
		expect(
			Buffer.from(await own.response!.arrayBuffer())
				.subarray(0, 5)
				.toString(),
		).toBe('%PDF-')
		expect((await confirmation(karelCookie)).status).toBe(404)
	})
})
