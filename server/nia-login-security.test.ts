// The NIA login's defences over real HTTP, against the built server with the demo towns registered at
// a NIA simulator of this test: login CSRF on the assertion consumer (issue 11 item 5), the open
// redirect through returnTo (item 6), and the limit on anonymous login starts (item 12). Browsers are
// cookie jars; a cross-site POST carries none of our SameSite=Lax cookies, as in a real browser.
import http from 'node:http'
import path from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { NIA_LOGIN_RATE_LIMIT } from '../app/modules/nia/start-nia-login.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { createScratchDatabase, ensureBuild, findFreePort, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from '../scripts/built-server'
import { loginThroughSimulator, parseAutoPostForm, type NiaSimulator } from '../simulators/nia'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { startTestNia } from '../tests/nia'
import { registerDemoTownsWithNia } from './demo-nia'
import { setPublicOrigin } from '../app/modules/tenancy/town-origin.server'

let server: ServerProcess
let database: Awaited<ReturnType<typeof createScratchDatabase>>
let nia: NiaSimulator

const VESELI = () => `veseli.localhost:${server.port}`
const ZNOJMO = () => `znojmo.localhost:${server.port}`
const EVIL_ORIGIN = 'http://evil.localhost:4666'
const JOSEF = 'CZ/CZ/c7461db5-99a3-4ea3-a406-c47016a959d9'

type Answer = { status: number; location: string | undefined; setCookie: string[]; headers: http.IncomingHttpHeaders; body: string }

/** A browser's cookies for one host: what Set-Cookie stored (Max-Age=0 removes), sent back as Cookie. */
class Browser {
	readonly cookies = new Map<string, string>()
	take(answer: Answer) {
		for (const line of answer.setCookie) {
			const [pair = ''] = line.split(';')
			const [name = '', ...value] = pair.split('=')
			if (/Max-Age=0/i.test(line)) this.cookies.delete(name)
			else this.cookies.set(name, value.join('='))
		}
		return answer
	}
	header() {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
	}
}

function send(
	host: string,
	pathName: string,
	options: { method?: string; browser?: Browser; form?: Record<string, string>; headers?: Record<string, string> } = {},
) {
	const { method = 'GET', browser, form, headers = {} } = options
	const body = form ? new URLSearchParams(form).toString() : undefined
	const cookie = browser?.header()
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
					...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } : {}),
					...headers,
				},
			},
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () => {
					const answer = {
						status: response.statusCode ?? 0,
						location: response.headers.location,
						setCookie: response.headers['set-cookie'] ?? [],
						headers: response.headers,
						body: text,
					}
					resolve(browser ? browser.take(answer) : answer)
				})
			},
		)
		request.on('error', reject)
		request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${host}${pathName}: no answer`)))
		request.end(body)
	})
}

/** Starts a login in `browser` and answers it at NIA as `persona`: NIA's auto-post form, not yet posted. */
async function answerAtNia(browser: Browser, persona: string, returnTo = '/profil') {
	const start = await send(VESELI(), `/auth/nia/login?zpet=${encodeURIComponent(returnTo)}`, { browser })
	expect(start.status).toBe(302)
	expect(start.location).toMatch(new RegExp(`^${nia.url}/`))
	return loginThroughSimulator({ request: start.location!, persona })
}

/**
 * NIA's page posts the answer to the ACS from NIA's origin (cross-site: no cookies of ours); the ACS
 * page then posts it on from the town's origin, with the browser's cookies, as its script would.
 */
async function postAnswer(browser: Browser, answer: { action: string; fields: Record<string, string> }, fromOrigin: string) {
	expect(answer.action).toBe(`http://${VESELI()}/auth/nia/acs`)
	const acs = await send(VESELI(), '/auth/nia/acs', { method: 'POST', form: answer.fields, headers: { origin: fromOrigin } })
	expect(acs.status).toBe(200)
	expect(acs.setCookie).toEqual([])
	const handover = parseAutoPostForm(acs.body)
	return { acs, done: await send(VESELI(), handover.action, { method: 'POST', form: handover.fields, browser, headers: { origin: `http://${VESELI()}` } }) }
}

async function logIn(browser: Browser, persona: string) {
	const { done } = await postAnswer(browser, await answerAtNia(browser, persona), nia.url)
	expect(done).toMatchObject({ status: 303, location: '/profil' })
	expect(browser.cookies.has('portal_session')).toBe(true)
}

const whoIsLoggedIn = async (browser: Browser) => {
	const profile = await send(VESELI(), '/profil', { browser })
	if (profile.status !== 200) return null
	return /Jana Nováková/.test(profile.body) ? 'jana' : /Josef Dvořák/.test(profile.body) ? 'josef' : 'someone else'
}

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_nia_security'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	for (const slug of ['veseli-nad-moravou', 'znojmo']) {
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug)), actor: 'test' })
	}
	nia = (await startTestNia()).nia
	const port = await findFreePort()
	setPublicOrigin({ scheme: 'http', port })
	await registerDemoTownsWithNia({ simulator: nia, pool: getPool(), logger: pino({ level: 'silent' }) }).finally(() => setPublicOrigin(null))
	server = await startServer({ port, env: { DATABASE_URL: database.url } })
	await waitFor(async () => ((await get(server.port, { path: '/readyz' })).status === 200 ? true : undefined), { what: 'readyz 200' })
}, 120_000)

afterAll(async () => {
	await server?.stop()
	await nia?.close()
	await database?.drop()
})

describe('11.5 login CSRF on the NIA assertion consumer', () => {
	test('11.5 login CSRF on the NIA assertion consumer: the legitimate login works through the hand-over page, whose cookie is host-only, HttpOnly and SameSite=Lax', async () => {
		const jana = new Browser()
		const answer = await answerAtNia(jana, 'jana-novakova')
		const binding = [...jana.cookies.keys()]
		expect(binding).toEqual(['portal_nia_login'])
		const { acs, done } = await postAnswer(jana, answer, nia.url)
		// The hand-over page: in Czech, its only script under the response's CSP nonce, the form to this origin.
		expect(acs.headers['cache-control']).toBe('no-store')
		expect(acs.body).toMatch(/<html lang="cs"/)
		expect(acs.body).toContain('Dokončit přihlášení')
		const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(acs.headers['content-security-policy']))?.[1]
		for (const tag of acs.body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toBe(`<script nonce="${nonce}">`)
		expect(done).toMatchObject({ status: 303, location: '/profil' })
		expect(done.setCookie.find((line) => line.startsWith('portal_session='))).toMatch(/HttpOnly; SameSite=Lax/)
		expect(jana.cookies.has('portal_nia_login')).toBe(false) // used up
		expect(await whoIsLoggedIn(jana)).toBe('jana')
	})

	test("11.5 login CSRF on the NIA assertion consumer: Josef's answer posted into Jana's browser from another site is refused with the failure page; Jana stays Jana", async () => {
		const jana = new Browser()
		await logIn(jana, 'jana-novakova')
		const janasSession = jana.cookies.get('portal_session')
		const people = await sql(`SELECT id FROM tenant_veseli_nad_moravou.person`)

		// Josef logs in at NIA as himself in his own browser and keeps the answer instead of posting it.
		const josef = new Browser()
		const josefsAnswer = await answerAtNia(josef, 'josef-dvorak')
		// His page posts it from evil.localhost in Jana's browser; the ACS page hands it on in her browser.
		const { done } = await postAnswer(jana, josefsAnswer, EVIL_ORIGIN)
		expect(done).toMatchObject({ status: 303, location: '/auth/nia/chyba?duvod=browser' })
		expect(done.setCookie.filter((line) => line.startsWith('portal_session='))).toEqual([])
		expect(jana.cookies.get('portal_session')).toBe(janasSession)
		expect(await whoIsLoggedIn(jana)).toBe('jana')
		expect(await sql(`SELECT id FROM tenant_veseli_nad_moravou.person`)).toEqual(people)
		expect(await sql(`SELECT id FROM tenant_veseli_nad_moravou.person WHERE person_identifier = $1`, [JOSEF])).toEqual([])
		const [audit] = await sql<{ details: { reason: string } }>(
			`SELECT details FROM tenant_veseli_nad_moravou.audit_log WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1`,
		)
		expect(audit?.details.reason).toBe('other_browser')

		const failure = await send(VESELI(), done.location!, { browser: jana })
		expect(failure.status).toBe(200)
		expect(failure.body).toContain('Přihlášení bylo dokončeno v jiném prohlížeči')
	})

	test('11.5 login CSRF on the NIA assertion consumer: a browser with a login of its own pending, or with no cookies at all, is refused too; posting straight to the second step from another site is 403', async () => {
		const pending = new Browser()
		await answerAtNia(pending, 'jana-novakova') // her own login, not finished
		const refused = await postAnswer(pending, await answerAtNia(new Browser(), 'josef-dvorak'), EVIL_ORIGIN)
		expect(refused.done).toMatchObject({ status: 303, location: '/auth/nia/chyba?duvod=browser' })
		expect(pending.cookies.has('portal_session')).toBe(false)

		const bare = new Browser()
		const { done } = await postAnswer(bare, await answerAtNia(new Browser(), 'josef-dvorak'), EVIL_ORIGIN)
		expect(done).toMatchObject({ status: 303, location: '/auth/nia/chyba?duvod=browser' })
		expect(bare.cookies.size).toBe(0)

		const direct = await answerAtNia(new Browser(), 'josef-dvorak')
		const forged = await send(VESELI(), '/auth/nia/dokonceni', { method: 'POST', form: direct.fields, headers: { origin: EVIL_ORIGIN } })
		expect(forged.status).toBe(403)
	})
})

describe('11.6 open redirect', () => {
	const jana = new Browser()
	beforeAll(() => logIn(jana, 'jana-novakova'))

	test.each([
		'/.//evil.example',
		'/%2e//evil.example',
		'/a/..//evil.example',
		'/./\\evil.example',
		'/.%2e//evil.example/x?y=1',
		'//evil.example',
		'/\\evil.example',
	])('11.6 open redirect: a logged-in citizen opening /auth/nia/login?zpet=%s stays on the town host', async (returnTo) => {
		const answer = await send(VESELI(), `/auth/nia/login?zpet=${encodeURIComponent(returnTo)}`, { browser: jana })
		expect(answer.status).toBe(302)
		const location = answer.location!
		expect(location).toMatch(/^\/(?![/\\])/)
		expect(new URL(location, `http://${VESELI()}`).host).toBe(VESELI())
		// Refused, it falls back to where a login lands by default: the citizen's overview.
		expect(location).toBe('/muj-prehled')
	})

	test('11.6 open redirect: a same-host path with dot segments still works for the logged-in citizen', async () => {
		expect(await whoIsLoggedIn(jana)).toBe('jana')
		expect((await send(VESELI(), `/auth/nia/login?zpet=${encodeURIComponent('/a/../profil?x=1')}`, { browser: jana })).location).toBe('/profil?x=1')
	})
})

describe('11.12 anonymous NIA login rate limit', () => {
	const { limit, windowMs } = NIA_LOGIN_RATE_LIMIT
	const requestRows = async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM tenant_znojmo.saml_request`))[0]!.n)

	test(`11.12 anonymous NIA login rate limit: ${limit} anonymous GETs of /auth/nia/login from one address pass, the next gets 429 with a page in the visitor's language and writes no row`, async () => {
		// Fixed windows: should one end during the run, the run is repeated in the next.
		for (let attempt = 1; ; attempt++) {
			await sql(`DELETE FROM tenant_znojmo.rate_limit`)
			const window = Math.floor(Date.now() / windowMs)
			const answers = []
			for (let index = 0; index < limit; index++) answers.push((await send(ZNOJMO(), '/auth/nia/login')).status)
			const rowsBefore = await requestRows()
			const refused = await send(ZNOJMO(), '/auth/nia/login?zpet=%2Fplatby')
			if (Math.floor(Date.now() / windowMs) !== window && attempt < 2) continue
			expect(answers).toEqual(Array(limit).fill(302))
			expect(refused.status).toBe(429)
			expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
			expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(windowMs / 1000)
			expect(refused.headers['cache-control']).toBe('no-store')
			expect(refused.body).toMatch(/<html lang="cs"/)
			expect(refused.body).toContain('Příliš mnoho pokusů o přihlášení')
			expect(refused.body).toMatch(/Zkuste se přihlásit znovu po \d{1,2}:\d{2}\./)
			expect(refused.setCookie.filter((line) => line.startsWith('portal_nia_login'))).toEqual([])
			expect(await requestRows()).toBe(rowsBefore)

			const english = await send(ZNOJMO(), '/auth/nia/login', { headers: { 'accept-language': 'en' } })
			expect(english.status).toBe(429)
			expect(english.body).toMatch(/<html lang="en"/)
			expect(english.body).toContain('Too many login attempts')
			// Another town counts its own logins.
			expect((await send(VESELI(), '/auth/nia/login')).status).toBe(302)
			break
		}
	})

	test('11.12 anonymous NIA login rate limit: request ids past their lifetime are deleted at the next login start', async () => {
		await sql(`DELETE FROM tenant_znojmo.rate_limit`)
		const old = new Date(Date.now() - 6 * 60_000)
		await sql(
			`INSERT INTO tenant_znojmo.saml_request (id, return_to, created_at, expires_at, used_at) VALUES ('_old-unused', '/', $1, $2, NULL), ('_old-used', '/', $1, $2, $1)`,
			[new Date(old.getTime() - 5 * 60_000), old],
		)
		expect(await requestRows()).toBeGreaterThanOrEqual(2)
		expect((await send(ZNOJMO(), '/auth/nia/login')).status).toBe(302)
		expect(await sql(`SELECT id FROM tenant_znojmo.saml_request WHERE expires_at < now()`)).toEqual([])
		expect(await sql(`SELECT id FROM tenant_znojmo.saml_request WHERE id IN ('_old-unused', '_old-used')`)).toEqual([])
		expect(await requestRows()).toBeGreaterThanOrEqual(1)
	})
})
