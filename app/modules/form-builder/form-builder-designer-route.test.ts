// The visual builder page as an admin and a clerk meet it: a clerk is refused; an edit answers with
// a redirect back to the page and changes the draft; an invalid edit answers 400 with the path and
// stores nothing; publishing turns the draft into the next version.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { form, officeRequest, signedInStaffCookie, townContext } from '../../../tests/staff'
import { action, loader } from '../../routes/urad.formulare_.$code'
import { getTenantDb } from '../db/tenant-db.server'
import { sampleDefinition } from '../forms/sample-definition.fixture'

const town = await createTown('builderdesigner', { submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }], forms: [sampleDefinition()] })
const context = townContext(town)
const db = getTenantDb(town.tenant)
const path = '/urad/formulare/dog-registration'
const params = { code: 'dog-registration' }

const cookieFor = (email: string, roles: ('admin' | 'clerk')[]) => signedInStaffCookie(town, email, roles)
const admin = await cookieFor('admin@designer.test', ['admin'])
const clerk = await cookieFor('clerk@designer.test', ['clerk'])
const post = (cookie: string, fields: Record<string, string>) => action({ request: officeRequest(path, cookie, form(fields)), context, params })
const draftOf = async () => (await db.form.findUniqueOrThrow({ where: { code: 'dog-registration' }, select: { draftDefinition: true } })).draftDefinition

describe('visual form builder page', () => {
	test('a clerk may neither open it nor post to it', async () => {
		await expect(loader({ request: officeRequest(path, clerk), context, params })).rejects.toMatchObject({ init: { status: 403 } })
		await expect(post(clerk, { intent: 'remove-step', step: '0' })).rejects.toMatchObject({ init: { status: 403 } })
		expect(await draftOf()).toBeNull()
	})

	test('an unknown form is a 404', async () => {
		await expect(loader({ request: officeRequest('/urad/formulare/nic', admin), context, params: { code: 'nic' } })).rejects.toMatchObject({
			init: { status: 404 },
		})
	})

	test('an edit redirects back with the draft changed; an invalid one is 400 with the path, nothing saved; publish makes version 2', async () => {
		const added = (await post(admin, { intent: 'add-field', step: '0', type: 'checkbox', name: 'hasChip', labelCs: 'Pes má čip' })) as Response
		expect(added.status).toBe(302)
		expect(added.headers.get('location')).toBe(`${path}?hlaseni=saved&otevrit=0-4`)
		const page = await loader({ request: officeRequest(`${path}?hlaseni=saved`, admin), context, params })
		expect(page).toMatchObject({ hasDraft: true, publishedVersion: 1, notice: 'saved' })
		expect(page.definition.steps[0]!.fields.map((field) => field.name)).toContain('hasChip')

		const before = await draftOf()
		const refused = (await post(admin, {
			intent: 'set-field',
			step: '0',
			field: '0',
			name: 'givenName',
			labelCs: 'Jméno',
			conditionField: 'nowhere',
		})) as unknown as { data: { problems: { path: string }[] }; init: { status: number } }
		expect(refused.init.status).toBe(400)
		expect(refused.data.problems.map((problem) => problem.path)).toContain('steps.0.fields.0.visibleWhen.field')
		const nonsense = (await post(admin, { intent: 'move-field', step: 'x' })) as unknown as { init: { status: number } }
		expect(nonsense.init.status).toBe(400)
		expect(await draftOf()).toEqual(before)

		// Discard from a page loaded before another admin's save: 409, the draft kept.
		const stale = (await loader({ request: officeRequest(path, admin), context, params })).draftStamp
		expect(
			((await post(admin, { intent: 'add-field', step: '0', type: 'checkbox', name: 'isOld', labelCs: 'Starý pes', draftStamp: stale })) as Response).status,
		).toBe(302)
		const refusedDiscard = (await post(admin, { intent: 'discard-draft', formKey: 'discard', draftStamp: stale })) as unknown as {
			data: { conflict: { by: string } }
			init: { status: number }
		}
		expect(refusedDiscard.init.status).toBe(409)
		expect(refusedDiscard.data.conflict.by).toBeTruthy()
		expect(JSON.stringify(await draftOf())).toContain('isOld')

		const published = (await post(admin, { intent: 'publish-draft' })) as Response
		expect(published.headers.get('location')).toBe(`${path}?hlaseni=published&verze=2`)
		expect(await db.formVersion.count({ where: { form: { code: 'dog-registration' } } })).toBe(2)
		expect(await draftOf()).toBeNull()
	})
})
