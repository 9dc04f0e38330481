// The inbox pages as a signed-in clerk meets them: another agenda's submission is a 404 on the detail
// page, the attachment download and the status form; its own agenda opens, and a download is audited.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { createStaffMember, form, officeRequest, TEST_PASSWORD, townContext } from '../../../tests/staff'
import { loader as listLoader } from '../../routes/urad.podani._index'
import { action as detailAction, loader as detailLoader } from '../../routes/urad.podani.$id'
import { loader as attachmentLoader } from '../../routes/urad.podani.$id.priloha.$attachmentId'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { signInStaff } from '../staff/sign-in-staff.server'

const town = await createTown('inboxroutes', {
	submissionAgendas: [
		{ code: 'fees', name: { cs: 'Poplatky' } },
		{ code: 'roads', name: { cs: 'Doprava' } },
	],
})
const context = townContext(town)
const db = getTenantDb(town.tenant)
await applyForms({
	db,
	forms: [FormDefinitionSchema.parse(sampleDefinition()), FormDefinitionSchema.parse({ ...sampleDefinition(), code: 'street-light', agenda: 'roads' })],
	actor: 'test',
})
const versions = await db.formVersion.findMany({ select: { id: true, form: { select: { code: true, agenda: true } } } })
const light = versions.find((v) => v.form.code === 'street-light')!
const dog = versions.find((v) => v.form.code === 'dog-registration')!
const submit = (v: typeof light) =>
	submitSubmission({ db, tenant: town.tenant, formVersionId: v.id, agenda: v.form.agenda, personId: null, data: { note: 'x' }, locale: 'cs' })
const roadsSubmission = await submit(light)
const feesSubmission = await submit(dog)
const attachment = await db.submissionAttachment.create({
	data: {
		submissionId: roadsSubmission.id,
		fieldName: 'photo',
		fileName: 'lampa.png',
		contentType: 'image/png',
		size: 3,
		sha256: 'x',
		content: Buffer.from([1, 2, 3]),
	},
})

await createStaffMember(town, { email: 'fees@routes.test', name: 'Pavla Poplatková' })
await db.staffUser.update({ where: { email: 'fees@routes.test' }, data: { submissionAgendas: ['fees'] } })
const signedIn = await signInStaff({ request: officeRequest('/urad/prihlaseni', null, form({})), context, email: 'fees@routes.test', password: TEST_PASSWORD })
if (!signedIn.ok) throw new Error('sign-in refused')
const cookie = signedIn.cookie

const status = async (run: () => Promise<unknown>) => {
	try {
		const result = await run()
		if (result instanceof Response) return result.status
		return result && typeof result === 'object' && 'init' in result ? ((result as { init: { status?: number } }).init.status ?? 200) : 200
	} catch (error) {
		if (error instanceof Response) return error.status
		if (error && typeof error === 'object' && 'init' in error) return (error as { init: { status: number } }).init.status
		throw error
	}
}
const args = (path: string, params: Record<string, string>, init: RequestInit = {}) => ({ request: officeRequest(path, cookie, init), context, params })

describe('inbox routes', () => {
	test('the list shows only the clerk’s agenda', async () => {
		const page = (await listLoader(args('/urad/podani', {}))) as { rows: { number: string }[] }
		expect(page.rows.map((r) => r.number)).toEqual([feesSubmission.number])
	})

	test('another agenda’s submission: detail, attachment and status change all answer 404, nothing changes, nothing audited as viewed', async () => {
		const path = `/urad/podani/${roadsSubmission.id}`
		expect(await status(() => detailLoader(args(path, { id: roadsSubmission.id })))).toBe(404)
		expect(await status(() => attachmentLoader(args(`${path}/priloha/${attachment.id}`, { id: roadsSubmission.id, attachmentId: attachment.id })))).toBe(404)
		expect(await status(() => detailAction(args(path, { id: roadsSubmission.id }, form({ intent: 'status', status: 'rejected', message: 'no' }))))).toBe(404)
		expect((await db.submission.findUniqueOrThrow({ where: { id: roadsSubmission.id } })).status).toBe('submitted')
		expect(await db.auditLog.count({ where: { action: 'submission.attachment_viewed' } })).toBe(0)
	})

	test('its own agenda opens; asking for information without a message is refused, with one it is recorded', async () => {
		const path = `/urad/podani/${feesSubmission.id}`
		const page = (await detailLoader(args(path, { id: feesSubmission.id }))) as { submission: { number: string; nextStatuses: string[] } }
		expect(page.submission.number).toBe(feesSubmission.number)
		expect(await status(() => detailAction(args(path, { id: feesSubmission.id }, form({ intent: 'status', status: 'needs_info', message: '' }))))).toBe(400)
		expect(
			await status(() => detailAction(args(path, { id: feesSubmission.id }, form({ intent: 'status', status: 'needs_info', message: 'Přiložte foto.' })))),
		).toBe(302)
		expect((await db.submission.findUniqueOrThrow({ where: { id: feesSubmission.id } })).status).toBe('needs_info')
	})

	test('a clerk cannot resend a failed delivery (admins only); the outbox stays failed', async () => {
		await db.deliveryOutbox.updateMany({ where: { submissionId: feesSubmission.id }, data: { state: 'failed', lastError: 'HTTP 500' } })
		const path = `/urad/podani/${feesSubmission.id}`
		const page = (await detailLoader(args(path, { id: feesSubmission.id }))) as { isAdmin: boolean; submission: { deliveryError: string | null } }
		expect(page).toMatchObject({ isAdmin: false, submission: { deliveryError: 'HTTP 500' } })
		expect(await status(() => detailAction(args(path, { id: feesSubmission.id }, form({ intent: 'resend' }))))).toBe(403)
		expect((await db.deliveryOutbox.findFirstOrThrow({ where: { submissionId: feesSubmission.id } })).state).toBe('failed')
	})
})
