// The demo's mail catcher on the built server: in --demo the server captures its own e-mail, works the
// job queue in process and lists what it sent on the platform host, to signed-in vendor staff only;
// without --demo there is no page. This test process only enqueues, through the same database, as the
// web process does in production. The same demo server shows where e-mailed links point (issue 11.9).
import { generate } from 'otplib'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
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
import { closePool, initPool } from '../app/modules/db/pool.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { enqueueEmail } from '../app/modules/mail/enqueue-email.server'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_VENDOR, demoStaffEmail } from '../app/modules/staff/demo-staff'

const PLATFORM = 'admin.localhost'
const VESELI = 'veseli.localhost'

let database: Awaited<ReturnType<typeof createScratchDatabase>>
let server: ServerProcess | undefined
let vendorCookie = ''

function cookieOf(response: HttpResult, name: string) {
	const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${name}=`))
	if (!header) throw new Error(`no ${name} cookie (status ${response.status})`)
	return header.split(';')[0]!
}

/** The demo vendor's sign-in: password, then the TOTP code of the demo's public secret. */
async function signInVendor(port: number) {
	const password = await post(port, {
		timeoutMs: 30_000,
		host: PLATFORM,
		path: '/platform/prihlaseni',
		form: { email: DEMO_VENDOR.email, password: DEMO_PASSWORD, returnTo: '/platform/mail' },
	})
	expect(password.status).toBe(302)
	const code = await post(port, {
		timeoutMs: 30_000,
		host: PLATFORM,
		path: '/platform/overeni',
		headers: { cookie: cookieOf(password, 'portal_vendor') },
		form: { code: await generate({ secret: DEMO_TOTP_SECRET }) },
	})
	expect(code.status).toBe(302)
	return cookieOf(code, 'portal_vendor')
}

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_server_mail'))
	// TRUST_PROXY on: even a proxy's X-Forwarded-Host must not reach an e-mailed link.
	server = await startServer({ args: ['--demo'], env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', TRUST_PROXY: 'true' } })
	await waitFor(async () => ((await get(server!.port, { timeoutMs: 30_000, path: '/readyz' })).status === 200 ? true : undefined), {
		timeoutMs: 60_000,
		what: 'readyz 200',
	})
}, 120_000)

afterAll(async () => {
	await stopJobs()
	await server?.stop('SIGKILL')
	await closePool()
	await database?.drop()
})

describe('demo mail catcher', () => {
	test('18 demo mail catcher behind vendor sign-in: anonymous visitors are sent to the vendor sign-in; signed in, an e-mail enqueued anywhere is listed, newest first, with a detail page of its links', async () => {
		const port = server!.port
		// Nobody signed in: no list, no message, no source; the vendor sign-in instead.
		for (const path of [
			'/platform/mail',
			'/platform/mail/00000000-0000-0000-0000-000000000000',
			'/platform/mail/00000000-0000-0000-0000-000000000000/source',
		]) {
			const anonymous = await get(port, { timeoutMs: 30_000, host: PLATFORM, path })
			expect(anonymous.status, path).toBe(302)
			expect(anonymous.headers.location, path).toBe(`/platform/prihlaseni?zpet=${encodeURIComponent(path)}`)
		}
		vendorCookie = await signInVendor(port)
		const mailPage = () => get(port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform/mail', headers: { cookie: vendorCookie } })
		expect((await mailPage()).body).toContain('Zatím tu žádná pošta není.')
		// The console says what the page is.
		const console = await get(port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform', headers: { cookie: vendorCookie } })
		expect(console.body).toContain('Lapač pošty ukázkového režimu')
		expect(console.body).toContain('href="/platform/mail"')

		await startJobs({ pool: initPool(database.url, { max: 2 }), log: pino({ level: 'silent' }) })
		const link = 'http://veseli.localhost/pozvanka?token=abc&lang=cs'
		await enqueueEmail({
			tenantSlug: 'veseli-nad-moravou',
			to: 'nova.referentka@example.test',
			locale: 'cs',
			template: 'staff-invitation',
			data: { link, inviterName: 'Jana Nováková', expiresAt: '2026-12-01T12:00:00Z' },
		})
		// One after the other: a batch of jobs is sent in parallel, in no fixed order.
		await waitFor(async () => ((await mailPage()).body.includes('nova.referentka@example.test') ? true : undefined), {
			timeoutMs: 15_000,
			what: 'the first e-mail',
		})
		await enqueueEmail({
			tenantSlug: 'znojmo',
			to: 'second@example.test',
			locale: 'en',
			template: 'password-reset',
			data: { link: 'http://znojmo.localhost/r', expiresAt: '2026-12-01T12:00:00Z' },
		})

		const list = await waitFor(
			async () => {
				const response = await mailPage()
				return response.body.includes('second@example.test') ? response : undefined
			},
			{ timeoutMs: 15_000, what: 'the second e-mail' },
		)
		expect(list.status).toBe(200)
		expect(list.body).toContain('<title>Lapač pošty ukázkového režimu – Portál občana</title>')
		const rows = [...list.body.matchAll(/<a [^>]*href="\/platform\/mail\/([0-9a-f-]{36})"[^>]*>([^<]+)<\/a>/g)]
		expect(rows.map((row) => row[2])).toEqual(['Reset your password – Town of Znojmo', 'Pozvánka do úřední části portálu – Město Veselí nad Moravou'])
		expect(list.body).toContain('Město Veselí nad Moravou')

		const detail = await get(port, { timeoutMs: 30_000, host: PLATFORM, path: `/platform/mail/${rows[1]![1]}?lng=en`, headers: { cookie: vendorCookie } })
		expect(detail.status).toBe(200)
		expect(detail.body).toContain('<html lang="en"')
		expect(detail.body).toContain('Links in the message')
		expect(detail.body).toContain(`<a href="${link.replace('&', '&amp;')}" rel="noreferrer">Přijmout pozvánku</a>`)
		expect(detail.body).toContain('Jana Nováková vás zve')
		expect(detail.body).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="Preview of the attachment coat-of-arms.svg"/)
		const english = await get(port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform/mail?lng=en', headers: { cookie: vendorCookie } })
		expect(english.body).toContain('<h1 class="mb-2 text-3xl font-bold">Demo mail catcher</h1>')

		const source = await get(port, { timeoutMs: 30_000, host: PLATFORM, path: `/platform/mail/${rows[1]![1]}/source`, headers: { cookie: vendorCookie } })
		expect(source.headers['content-type']).toBe('message/rfc822')
		expect(source.body).toContain('X-Portal-Tenant: veseli-nad-moravou')

		// Only on the platform host, and only for messages that exist.
		expect((await get(port, { timeoutMs: 30_000, host: VESELI, path: '/platform/mail' })).status).toBe(404)
		expect(
			(await get(port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform/mail/00000000-0000-0000-0000-000000000000', headers: { cookie: vendorCookie } }))
				.status,
		).toBe(404)
		await stopJobs()
	}, 90_000)

	test('11.9 links built from the Host port: a password reset asked with Host veseli.localhost:6666 and X-Forwarded-Host evil.example e-mails a link on the stored host and the configured port', async () => {
		const port = server!.port
		const email = demoStaffEmail('referent', VESELI)
		const asked = await post(port, {
			host: `${VESELI}:6666`,
			path: '/urad/zapomenute-heslo',
			headers: { 'x-forwarded-host': 'evil.example:6666', 'x-forwarded-proto': 'https' },
			form: { email },
		})
		expect(asked.status).toBe(200)
		const mails = () => get(port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform/mail', headers: { cookie: vendorCookie } })
		const list = await waitFor(
			async () => {
				const response = await mails()
				return response.body.includes(email) ? response : undefined
			},
			{ timeoutMs: 20_000, what: 'the reset e-mail' },
		)
		const id = /href="\/platform\/mail\/([0-9a-f-]{36})"/.exec(list.body.slice(list.body.indexOf(email)))?.[1]
		expect(id).toBeTruthy()
		const detail = await get(port, { timeoutMs: 30_000, host: PLATFORM, path: `/platform/mail/${id}`, headers: { cookie: vendorCookie } })
		const links = [...detail.body.matchAll(/<a href="([^"]+)" rel="noreferrer">/g)].map((match) => match[1]!)
		expect(links.some((link) => link.includes('/urad/obnova-hesla/'))).toBe(true)
		for (const link of links.filter((link) => link.includes('/urad/'))) expect(link.startsWith(`http://${VESELI}:${port}/urad/`), link).toBe(true)
		expect(detail.body).not.toContain('evil.example')
		expect(detail.body).not.toContain(':6666')
	}, 60_000)
})

describe('outside the demo', () => {
	test('18 demo mail catcher behind vendor sign-in: without --demo there is no capture server, and the mail page is a 404 while the console still answers (or asks for sign-in)', async () => {
		await server?.stop()
		server = await startServer({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn' } })
		await waitFor(async () => ((await get(server!.port, { timeoutMs: 30_000, path: '/readyz' })).status === 200 ? true : undefined), {
			timeoutMs: 20_000,
			what: 'readyz 200',
		})
		expect((await get(server.port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform/mail' })).status).toBe(404)
		expect((await get(server.port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform/mail', headers: { cookie: vendorCookie } })).status).toBe(404)
		expect([200, 302]).toContain((await get(server.port, { timeoutMs: 30_000, host: PLATFORM, path: '/platform' })).status)
	}, 40_000)
})
