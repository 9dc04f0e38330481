// The builder page as an admin and a clerk meet it: a clerk is refused; an invalid import answers
// 400 with the path of each problem and stores nothing; publish adds the next version.
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { form, officeRequest, signedInStaffCookie, townContext } from '../../../tests/staff'
import { runRoute } from '../../../tests/route'
import * as builderRoute from '../../routes/urad.formulare'
import { getTenantDb } from '../db/tenant-db.server'
import { sampleDefinition } from '../forms/sample-definition.fixture'

const town = await createTown('builderroutes')
const context = townContext(town)
const db = getTenantDb(town.tenant)

const cookieFor = (email: string, roles: ('admin' | 'clerk')[]) => signedInStaffCookie(town, email, roles)
const admin = await cookieFor('admin@builder.test', ['admin'])
const clerk = await cookieFor('clerk@builder.test', ['clerk'])
type BuilderAnswer = { problems: { path: string }[]; published: { version: number } | null }
const open = (cookie: string) => runRoute({ path: '/urad/formulare', module: builderRoute, request: officeRequest('/urad/formulare', cookie), context })
const post = (cookie: string, fields: Record<string, string>) =>
	runRoute({ path: '/urad/formulare', module: builderRoute, request: officeRequest('/urad/formulare', cookie, form(fields)), context })
const bodyOf = async (answer: Promise<{ data: unknown }>) => (await answer).data as BuilderAnswer

describe('form builder page', () => {
	test('a clerk may not open it', async () => {
		expect((await open(clerk)).status).toBe(403)
		expect((await open(admin)).status).toBe(200)
	})

	test('an invalid import is refused with the path; a valid one publishes version 1, then 2', async () => {
		const broken = sampleDefinition() as { steps: { fields: { label: Record<string, string> }[] }[] }
		broken.steps[0]!.fields[0]!.label = { cs: '' }
		const refused = await post(admin, { intent: 'publish', definition: JSON.stringify(broken) })
		expect(refused.status).toBe(400)
		expect((refused.data as BuilderAnswer).problems.map((p) => p.path)).toContain('steps.0.fields.0.label.cs')
		expect(await db.formVersion.count()).toBe(0)
		expect((await bodyOf(post(admin, { intent: 'publish', definition: JSON.stringify(sampleDefinition()) }))).published?.version).toBe(1)
		expect((await bodyOf(post(admin, { intent: 'check', definition: JSON.stringify(sampleDefinition()) }))).published).toBeNull()
		expect((await bodyOf(post(admin, { intent: 'publish', definition: JSON.stringify(sampleDefinition()) }))).published?.version).toBe(2)
	})
})
