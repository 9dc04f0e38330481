// Issue 11, item 11: domain refusals that used to escape as a 500 answer with a message instead. The
// routes as a citizen and an admin meet them, with real sessions on a real town schema.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { createStaffMember, currentCode, form, officeRequest, resolvedTenant, TEST_PASSWORD, townContext } from '../../../tests/staff'
import { action as answerAction } from '../../routes/podani.$number'
import { action as detailAction } from '../../routes/urad.podani.$id'
import { createSession } from '../auth/session.server'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { completeStaffSecondFactor, signInStaff } from '../staff/sign-in-staff.server'

const town = await createTown('domainerrors', { submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }] })
const context = townContext(town)
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
const submission = await submitSubmission({ db, tenant: town.tenant, formVersionId: version.id, agenda: 'fees', personId: jana.id, data: {}, locale: 'cs' })
const citizenCookie = await createSession({ db, tenant: resolvedTenant(town), secure: false }, new Request('http://town.test/'), {
	kind: 'citizen',
	personId: jana.id,
})

await createStaffMember(town, { email: 'spravce@domain.test', roles: ['clerk', 'admin'], name: 'Sára Správcová', withTotp: true })
await db.staffUser.update({ where: { email: 'spravce@domain.test' }, data: { submissionAgendas: ['fees'] } })
const signedIn = await signInStaff({
	request: officeRequest('/urad/prihlaseni', null, form({})),
	context,
	email: 'spravce@domain.test',
	password: TEST_PASSWORD,
})
if (!signedIn.ok) throw new Error('sign-in refused')
const secondFactor = await completeStaffSecondFactor({ request: officeRequest('/urad/overeni', signedIn.cookie, form({})), context, code: await currentCode() })
if (!secondFactor.ok) throw new Error('second factor refused')
const adminCookie = secondFactor.cookie

/** The status and the data of what an action returned or threw. */
async function answer(run: () => Promise<unknown>) {
	let result: unknown
	try {
		result = await run()
	} catch (error) {
		result = error
	}
	if (result instanceof Response) return { status: result.status, data: null }
	if (result && typeof result === 'object' && 'init' in result && 'data' in result) {
		const { init, data } = result as { init: { status?: number } | null; data: unknown }
		return { status: init?.status ?? 200, data }
	}
	if (result instanceof Error) throw result
	return { status: 200, data: result }
}

describe('11.11 unhandled domain errors', () => {
	test('11.11 a citizen answering a submission that no longer waits for information: 409 with the reason in her language; nothing saved', async () => {
		const path = `/podani/${submission.number}`
		const request = (lng: string) =>
			officeRequest(`${path}?lng=${lng}`, citizenCookie, { method: 'POST', body: new URLSearchParams({ message: 'Posílám doplnění.' }) })
		const czech = await answer(() => answerAction({ request: request('cs'), context, params: { number: submission.number } }))
		expect(czech).toEqual({ status: 409, data: { error: 'Toto podání už nečeká na doplnění, vaše odpověď proto nebyla odeslána.' } })
		const english = await answer(() => answerAction({ request: request('en'), context, params: { number: submission.number } }))
		expect(english.data).toEqual({ error: 'This submission is no longer waiting for more information, so your reply was not sent.' })
		expect(await db.submissionEvent.count({ where: { submissionId: submission.id, kind: 'answered' } })).toBe(0)
		expect(await db.answerOutbox.count({ where: { submissionId: submission.id } })).toBe(0)
	})

	test("11.11 the admin's resend of a delivery that has not failed: 409 with a message; the outbox and the status stay", async () => {
		const path = `/urad/podani/${submission.id}`
		const before = await db.deliveryOutbox.findFirstOrThrow({ where: { submissionId: submission.id }, select: { state: true, attempts: true } })
		expect(before.state).not.toBe('failed')
		const result = await answer(() =>
			detailAction({ request: officeRequest(path, adminCookie, form({ intent: 'resend' })), context, params: { id: submission.id } }),
		)
		expect(result).toEqual({ status: 409, data: { error: 'detail.errors.notResendable' } })
		expect(await db.deliveryOutbox.findFirstOrThrow({ where: { submissionId: submission.id }, select: { state: true, attempts: true } })).toEqual(before)
		expect(await db.submissionEvent.count({ where: { submissionId: submission.id, kind: 'delivery_resent' } })).toBe(0)
	})
})
