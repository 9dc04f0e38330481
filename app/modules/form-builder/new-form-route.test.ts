// A blank new form (/urad/formulare/novy): an admin creates it from a code, names and an agenda; it is
// a draft citizens do not see until published; bad input is refused at its field and creates nothing;
// a clerk is refused; the creation is audited; discarding a never-published form removes it.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { form, officeRequest, signedInStaffCookie, townContext } from '../../../tests/staff'
import { action as designerAction, loader as designerLoader } from '../../routes/urad.formulare_.$code'
import { action, loader } from '../../routes/urad.formulare_.novy'
import { getTenantDb } from '../db/tenant-db.server'
import { listCatalogue } from '../forms/list-catalogue.server'
import { sampleDefinition } from '../forms/sample-definition.fixture'

const town = await createTown('newform', { submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }], forms: [sampleDefinition()] })
const context = townContext(town)
const db = getTenantDb(town.tenant)
const path = '/urad/formulare/novy'

const cookieFor = (email: string, roles: ('admin' | 'clerk')[]) => signedInStaffCookie(town, email, roles)
const admin = await cookieFor('admin@newform.test', ['admin'])
const clerk = await cookieFor('clerk@newform.test', ['clerk'])
const post = (cookie: string, fields: Record<string, string>) => action({ request: officeRequest(path, cookie, form(fields)), context, params: {} })
type Refused = { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
const good = { code: 'pronajem-salu', titleCs: 'Pronájem sálu', titleEn: 'Hall rental', titleUk: 'Оренда залу', agenda: 'fees' }

describe('a blank new form', () => {
	test('a clerk may neither open the page nor create a form', async () => {
		await expect(loader({ request: officeRequest(path, clerk), context, params: {} })).rejects.toMatchObject({ init: { status: 403 } })
		await expect(post(clerk, good)).rejects.toMatchObject({ init: { status: 403 } })
		expect(await db.form.count({ where: { code: good.code } })).toBe(0)
	})

	test('bad input is refused at its field and creates nothing', async () => {
		const cases: [Record<string, string>, string, string][] = [
			[{ ...good, code: 'Pronájem' }, 'code', 'forms-office:newForm.errors.codeFormat'],
			[{ ...good, code: 'novy' }, 'code', 'forms-office:newForm.errors.codeReserved'],
			[{ ...good, code: 'dog-registration' }, 'code', 'forms-office:newForm.errors.codeTaken'],
			[{ ...good, titleCs: '  ' }, 'titleCs', 'forms-office:newForm.errors.titleRequired'],
			[{ ...good, agenda: 'parking' }, 'agenda', 'forms-office:newForm.errors.agenda'],
		]
		for (const [fields, field, message] of cases) {
			const refused = (await post(admin, fields)) as unknown as Refused
			expect(refused.init.status, JSON.stringify(fields)).toBe(400)
			expect(refused.data.result.error[field]).toEqual([message])
		}
		expect(await db.form.count()).toBe(1)
		expect(await db.auditLog.count({ where: { action: 'form.created' } })).toBe(0)
	})

	test('created as a draft, opened in the builder, audited; hidden from citizens until published', async () => {
		const created = (await post(admin, good)) as Response
		expect(created.status).toBe(302)
		expect(created.headers.get('location')).toBe('/urad/formulare/pronajem-salu?hlaseni=created&otevrit=settings')
		const params = { code: good.code }
		const page = await designerLoader({ request: officeRequest('/urad/formulare/pronajem-salu?hlaseni=created', admin), context, params })
		expect(page).toMatchObject({ hasDraft: true, publishedVersion: null, notice: 'created' })
		expect(page.definition).toMatchObject({ title: { cs: 'Pronájem sálu', en: 'Hall rental', uk: 'Оренда залу' }, agenda: 'fees' })
		expect(await db.auditLog.count({ where: { action: 'form.created' } })).toBe(1)
		const catalogue = async () => (await listCatalogue({ db, locale: 'cs' })).flatMap((group) => group.forms.map((entry) => entry.code))
		expect(await catalogue()).not.toContain(good.code)
		// The same code again is taken.
		expect(((await post(admin, good)) as unknown as Refused).data.result.error.code).toEqual(['forms-office:newForm.errors.codeTaken'])

		const published = (await designerAction({
			request: officeRequest('/urad/formulare/pronajem-salu', admin, form({ intent: 'publish-draft', draftStamp: page.draftStamp })),
			context,
			params,
		})) as Response
		expect(published.headers.get('location')).toBe('/urad/formulare/pronajem-salu?hlaseni=published&verze=1')
		expect(await catalogue()).toContain(good.code)
	})

	test('discarding the draft of a form never published removes the form and frees its code', async () => {
		expect(((await post(admin, { ...good, code: 'zkusebni' })) as Response).status).toBe(302)
		const params = { code: 'zkusebni' }
		const page = await designerLoader({ request: officeRequest('/urad/formulare/zkusebni', admin), context, params })
		const discarded = (await designerAction({
			request: officeRequest('/urad/formulare/zkusebni', admin, form({ intent: 'discard-draft', draftStamp: page.draftStamp })),
			context,
			params,
		})) as Response
		expect(discarded.headers.get('location')).toBe('/urad/formulare?hlaseni=discarded')
		expect(await db.form.count({ where: { code: 'zkusebni' } })).toBe(0)
	})
})
