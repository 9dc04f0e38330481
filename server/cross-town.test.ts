// Cross-town probe over real HTTP (the built server): a member of staff signed in at Veselí presents
// that session cookie to every office route of Znojmo and to the vendor console, and a vendor's
// cookie is presented to a town. None of them opens anything: a redirect to the sign-in or a 404.
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { createStaffMember, TEST_PASSWORD, TEST_TOTP_SECRET } from '../tests/staff'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { createVendor } from '../app/modules/platform-auth/create-vendor.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { generate } from 'otplib'
import { createScratchDatabase, ensureBuild, startServer, uniqueDatabaseName, waitFor, get, type ServerProcess } from '../scripts/built-server'

let server: ServerProcess
let database: Awaited<ReturnType<typeof createScratchDatabase>>
let veseliCookie: string
let vendorCookie: string

const VESELI = () => `veseli.localhost:${server.port}`
const ZNOJMO = () => `znojmo.localhost:${server.port}`
const PLATFORM = () => `admin.localhost:${server.port}`

type Answer = { status: number; location: string | undefined; setCookie: string[]; body: string }

/** One request over real HTTP to the built server, addressed to a host, with a cookie and a form body. */
function send(host: string, pathName: string, { method = 'GET', cookie, form }: { method?: string; cookie?: string; form?: Record<string, string> } = {}) {
	const body = form ? new URLSearchParams(form).toString() : undefined
	return new Promise<Answer>((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: server.port,
				path: pathName,
				method,
				agent: false,
				headers: {
					host,
					...(cookie ? { cookie } : {}),
					...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: `http://${host}` } : {}),
				},
			},
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () => {
					const setCookie = response.headers['set-cookie'] ?? []
					resolve({ status: response.statusCode ?? 0, location: response.headers.location, setCookie, body: text })
				})
			},
		)
		request.on('error', reject)
		request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${host}${pathName}: no answer`)))
		request.end(body)
	})
}

const cookieFrom = (answer: Answer, name: string) => answer.setCookie.map((value) => value.split(';')[0]!).find((pair) => pair.startsWith(`${name}=`))!

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_cross_town'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	for (const slug of ['veseli-nad-moravou', 'znojmo']) {
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug)), actor: 'test' })
	}
	const [veseli] = await sql<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)
	await createStaffMember({ tenant: { id: veseli.id, slug: 'veseli-nad-moravou' } }, { email: 'referent@veseli.test', roles: ['clerk', 'auditor'], name: 'Petra Veselská' })
	await createVendor({ email: 'vendor@cross.test', name: 'Věra Dodavatelová', password: TEST_PASSWORD, actor: 'test', totpSecret: TEST_TOTP_SECRET })

	server = await startServer({ env: { DATABASE_URL: database.url, PLATFORM_HOST: 'admin.localhost' } })
	await waitFor(async () => ((await get(server.port, { path: '/readyz' })).status === 200 ? true : undefined), { what: 'readyz 200' })

	const login = await send(VESELI(), '/urad/prihlaseni', { method: 'POST', form: { email: 'referent@veseli.test', password: TEST_PASSWORD } })
	expect(login).toMatchObject({ status: 302, location: '/urad' })
	veseliCookie = cookieFrom(login, 'portal_session')

	const vendorPassword = await send(PLATFORM(), '/platform/prihlaseni', { method: 'POST', form: { email: 'vendor@cross.test', password: TEST_PASSWORD } })
	const vendorCode = await send(PLATFORM(), '/platform/overeni', {
		method: 'POST',
		cookie: cookieFrom(vendorPassword, 'portal_vendor'),
		form: { code: await generate({ secret: TEST_TOTP_SECRET }) },
	})
	expect(vendorCode).toMatchObject({ status: 302, location: '/platform' })
	vendorCookie = cookieFrom(vendorCode, 'portal_vendor')
}, 120_000)

afterAll(async () => {
	await server?.stop()
	await database?.drop()
})

const PROTECTED_PAGES = ['/urad', '/urad/uzivatele', '/urad/audit', '/urad/audit?page=2', '/urad/heslo', '/urad/dvoufaktor', '/urad/overeni']

describe('a staff session is good only in its own town', () => {
	test('the cookie opens the office at Veselí (the probe below would prove nothing otherwise)', async () => {
		for (const page of ['/urad', '/urad/audit']) {
			const answer = await send(VESELI(), page, { cookie: veseliCookie })
			expect(answer.status, page).toBe(200)
			expect(answer.body).toContain('Petra Veselská')
		}
	})

	test.each(PROTECTED_PAGES)('at Znojmo, %s with the Veselí cookie redirects to the sign-in and shows nothing of the account', async (page) => {
		const answer = await send(ZNOJMO(), page, { cookie: veseliCookie })
		expect(answer.status).toBe(302)
		expect(answer.location).toMatch(/^\/urad\/prihlaseni(\?|$)/)
		expect(answer.body).not.toContain('Petra Veselská')
	})

	test('at Znojmo, the link pages are 404 and the public sign-in pages show no one signed in', async () => {
		for (const page of ['/urad/pozvanka/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/urad/obnova-hesla/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
			expect((await send(ZNOJMO(), page, { cookie: veseliCookie })).status, page).toBe(404)
		}
		for (const page of ['/urad/prihlaseni', '/urad/zapomenute-heslo']) {
			const answer = await send(ZNOJMO(), page, { cookie: veseliCookie })
			expect(answer.status, page).toBe(200)
			expect(answer.body).not.toContain('Petra Veselská')
			expect(answer.body).not.toContain('Odhlásit se')
		}
	})

	test('at Znojmo, the POST endpoints do nothing for the Veselí cookie, and the Veselí session survives them', async () => {
		expect(await send(ZNOJMO(), '/urad/session', { method: 'POST', cookie: veseliCookie, form: {} })).toMatchObject({ status: 401 })
		expect(await send(ZNOJMO(), '/urad/odhlasit-vsude', { method: 'POST', cookie: veseliCookie, form: {} })).toMatchObject({ status: 302, location: expect.stringMatching(/^\/urad\/prihlaseni/) })
		const invite = await send(ZNOJMO(), '/urad/uzivatele', { method: 'POST', cookie: veseliCookie, form: { intent: 'invite', email: 'x@znojmo.test', name: 'Vetřelec', roles: 'admin' } })
		expect(invite).toMatchObject({ status: 302, location: expect.stringMatching(/^\/urad\/prihlaseni/) })
		expect(await sql(`SELECT 1 FROM tenant_znojmo.staff_user WHERE email = 'x@znojmo.test'`)).toHaveLength(0)
		expect((await send(VESELI(), '/urad', { cookie: veseliCookie })).status).toBe(200)
	})

	test('on the platform host, the town cookie opens nothing: the console asks for a vendor sign-in', async () => {
		for (const page of ['/platform', '/platform?page=2', '/platform/overeni']) {
			const answer = await send(PLATFORM(), page, { cookie: veseliCookie })
			expect(answer.status, page).toBe(302)
			expect(answer.location, page).toMatch(/^\/platform\/prihlaseni/)
		}
		// Office paths do not exist there at all.
		expect(await send(PLATFORM(), '/urad', { cookie: veseliCookie })).toMatchObject({ status: 302, location: '/platform' })
	})

	test("a vendor's cookie opens the console but nothing in a town", async () => {
		const console = await send(PLATFORM(), '/platform', { cookie: vendorCookie })
		expect(console.status).toBe(200)
		expect(console.body).toContain('veseli-nad-moravou')
		for (const page of ['/urad', '/urad/audit']) {
			const answer = await send(VESELI(), page, { cookie: vendorCookie })
			expect(answer.status, page).toBe(302)
			expect(answer.location, page).toMatch(/^\/urad\/prihlaseni/)
		}
		// And /platform on a town host is not the console.
		expect((await send(VESELI(), '/platform', { cookie: vendorCookie })).status).toBe(404)
	})
})
