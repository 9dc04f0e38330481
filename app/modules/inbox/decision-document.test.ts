// Resolving with a document: the clerk's file is checked by content (a disguised program is refused
// and nothing changes), stored with the decision, shown and downloadable only to the citizen whose
// submission it is, and never sent on to the records system as if the citizen had filed it.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { createStaffMember, form, officeRequest, TEST_PASSWORD, townContext } from '../../../tests/staff'
import { action as detailAction } from '../../routes/urad.podani.$id'
import { defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { buildDeliveryPayload } from '../delivery/build-delivery-payload.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { getMySubmission } from '../forms/get-my-submission.server'
import { readDecisionDocument } from '../forms/read-decision-document.server'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { signInStaff } from '../staff/sign-in-staff.server'

const fixtures = path.join(import.meta.dirname, '..', 'forms', 'fixtures')
const town = await createTown('decisiondoc', { submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }] })
const context = townContext(town)
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const [jana, petr] = await Promise.all([
	db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } }),
	db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda' } }),
])
const submission = await submitSubmission({ db, tenant: town.tenant, formVersionId: version.id, agenda: 'fees', personId: jana.id, data: {}, locale: 'cs' })
const asJana = defineAbilityFor({ kind: 'citizen', personId: jana.id })
const asPetr = defineAbilityFor({ kind: 'citizen', personId: petr.id })

await createStaffMember(town, { email: 'clerk@decision.test', name: 'Pavla Poplatková' })
await db.staffUser.update({ where: { email: 'clerk@decision.test' }, data: { submissionAgendas: ['fees'] } })
const signedIn = await signInStaff({
	request: officeRequest('/urad/prihlaseni', null, form({})),
	context,
	email: 'clerk@decision.test',
	password: TEST_PASSWORD,
})
if (!signedIn.ok) throw new Error('sign-in refused')
const here = `/urad/podani/${submission.id}`

function post(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
	const body = new FormData()
	for (const [key, value] of Object.entries(fields)) body.append(key, value)
	if (file) body.append('document', new File([new Uint8Array(file.content)], file.name))
	return detailAction({ request: officeRequest(here, signedIn.ok ? signedIn.cookie : '', { method: 'POST', body }), context, params: { id: submission.id } })
}
const statusOf = (value: unknown) => (value instanceof Response ? value.status : (value as { init: { status: number } }).init.status)

describe('resolving with a decision document', () => {
	test('a program disguised as PDF is refused with the reason; nothing changes', async () => {
		const refused = await post(
			{ intent: 'status', status: 'resolved', message: 'Vyřízeno.' },
			{ name: 'rozhodnuti.pdf', content: readFileSync(path.join(fixtures, 'invoice.pdf.exe-renamed.pdf')) },
		)
		expect(statusOf(refused)).toBe(400)
		expect((refused as unknown as { data: { upload: { reason: string } } }).data.upload.reason).toMatch(/type_/)
		expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe('submitted')
		expect(await db.submissionAttachment.count()).toBe(0)
	})

	test('a document with a status other than resolved/rejected is refused', async () => {
		const refused = await post({ intent: 'status', status: 'in_progress' }, { name: 'x.pdf', content: readFileSync(path.join(fixtures, 'vaccination.pdf')) })
		expect(statusOf(refused)).toBe(400)
		expect(await db.submissionAttachment.count()).toBe(0)
	})

	test('resolved with a PDF: the citizen sees the message and can download it; another citizen cannot; the records system is not sent it', async () => {
		const pdf = readFileSync(path.join(fixtures, 'vaccination.pdf'))
		expect(statusOf(await post({ intent: 'status', status: 'resolved', message: 'Pes je přihlášen.' }, { name: 'rozhodnutí.pdf', content: pdf }))).toBe(302)
		const seen = await getMySubmission({ db, ability: asJana, number: submission.number })
		const decision = seen!.events.find((event) => event.status === 'resolved')!
		expect(decision.message).toBe('Pes je přihlášen.')
		expect(decision.attachments.map((file) => file.fileName)).toEqual(['rozhodnutí.pdf'])
		expect(seen!.attachments).toEqual([])
		const documentId = decision.attachments[0]!.id
		const file = await readDecisionDocument({ db, ability: asJana, number: submission.number, documentId })
		expect(Buffer.from(file!.content).equals(pdf)).toBe(true)
		expect(file!.contentType).toBe('application/pdf')
		expect(await readDecisionDocument({ db, ability: asPetr, number: submission.number, documentId })).toBeNull()
		const payload = await buildDeliveryPayload({ db, town: { slug: 'decisiondoc', name: { cs: 'Město' } }, submissionId: submission.id })
		expect(payload.attachments).toEqual([])
	})
})
