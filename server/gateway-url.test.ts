// Issue 11, item 7 on the built server: outside the demo a town admin cannot point a card gateway at
// an address of their choosing (the server would post the town's client id and secret there).
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { createStaffMember, currentCode, TEST_PASSWORD } from '../tests/staff'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { tenantSchemaName } from '../app/modules/db/schema-name'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import {
	createScratchDatabase,
	ensureBuild,
	get,
	post,
	startServer,
	uniqueDatabaseName,
	waitFor,
	type HttpResult,
	type ServerProcess,
} from '../scripts/built-server'

const VESELI = 'veseli.localhost'
const S = tenantSchemaName('veseli-nad-moravou')
let database: Awaited<ReturnType<typeof createScratchDatabase>>
let server: ServerProcess
let cookie = ''

function cookieOf(response: HttpResult, name: string) {
	const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${name}=`))
	return header?.split(';')[0]
}

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_gateway_url'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')), actor: 'test' })
	const [veseli] = await sql<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)
	await createStaffMember({ tenant: { id: veseli!.id, slug: 'veseli-nad-moravou' } } as never, {
		email: 'spravce@ssrf.test',
		roles: ['admin'],
		withTotp: true,
		name: 'Tomáš Správce',
	})
	// Not the demo, and the tests' allowance for the local simulators explicitly off: a production setup.
	server = await startServer({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', ALLOW_GATEWAY_SIMULATORS: 'false' } })
	await waitFor(async () => ((await get(server.port, { timeoutMs: 30_000, path: '/readyz' })).status === 200 ? true : undefined), { what: 'readyz 200' })

	const login = await post(server.port, {
		timeoutMs: 30_000,
		host: VESELI,
		path: '/urad/prihlaseni',
		form: { email: 'spravce@ssrf.test', password: TEST_PASSWORD },
	})
	expect(login.status).toBe(302)
	const pending = cookieOf(login, 'portal_session')!
	const verified = await post(server.port, {
		timeoutMs: 30_000,
		host: VESELI,
		path: '/urad/overeni',
		headers: { cookie: pending },
		form: { code: await currentCode() },
	})
	expect(verified.status).toBe(302)
	cookie = cookieOf(verified, 'portal_session') ?? pending
}, 120_000)

afterAll(async () => {
	await server?.stop()
	await database?.drop()
})

const credentialRows = () => sql<{ provider: string }>(`SELECT provider FROM ${S}.gateway_credential ORDER BY created_at`)

describe('gateway API URL on the admin page', () => {
	test('11.7 SSRF through a gateway URL: saving apiUrl http://127.0.0.1:9/steal outside demo mode is refused with a message at the field, and nothing is stored', async () => {
		const page = await get(server.port, { timeoutMs: 30_000, host: VESELI, path: '/urad/platebni-brany', headers: { cookie } })
		expect(page.status).toBe(200)
		// The form says the rule before anyone types.
		expect(page.body).toContain('https://gate.gopay.cz/api')
		expect(page.body).toContain('https://gw.sandbox.gopay.com/api')
		expect(page.body).toContain('https://api.stripe.com')

		const form = { intent: 'set', provider: 'gopay', goId: '8123456789', clientId: 'client-ssrf', clientSecret: 'ssrf-secret-1234' }
		const refused = await post(server.port, {
			timeoutMs: 30_000,
			host: VESELI,
			path: '/urad/platebni-brany',
			headers: { cookie },
			form: { ...form, apiUrl: 'http://127.0.0.1:9/steal' },
		})
		expect(refused.status).toBe(400)
		expect(refused.body).toMatch(
			/<input id="gopay-api-url" name="apiUrl"[^>]*aria-invalid="true"[^>]*aria-describedby="gopay-api-url-hint gopay-api-url-error"/,
		)
		expect(refused.body).toContain('<p id="gopay-api-url-error" class="mt-1 font-semibold text-red-800">Adresa API není oficiální adresa GoPay.')
		expect(refused.body).not.toContain('ssrf-secret-1234')
		expect(await credentialRows()).toEqual([])

		const stripe = await post(server.port, {
			timeoutMs: 30_000,
			host: VESELI,
			path: '/urad/platebni-brany?lng=en',
			headers: { cookie },
			form: { intent: 'set', provider: 'stripe', secretKey: 'sk_test_ssrf1234', webhookSecret: 'whsec_ssrf1234', apiUrl: 'http://localhost:7003' },
		})
		expect(stripe.status).toBe(400)
		expect(await credentialRows()).toEqual([])

		// The official sandbox address is accepted.
		const saved = await post(server.port, {
			timeoutMs: 30_000,
			host: VESELI,
			path: '/urad/platebni-brany',
			headers: { cookie },
			form: { ...form, apiUrl: 'https://gw.sandbox.gopay.com/api' },
		})
		expect(saved).toMatchObject({ status: 302, headers: { location: '/urad/platebni-brany?ulozeno=1' } })
		expect(await credentialRows()).toEqual([{ provider: 'gopay' }])
	}, 60_000)
})
