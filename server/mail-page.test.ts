// The demo's mail page on the built server: in --demo the server captures its own e-mail, works the
// job queue in process and lists what it sent on the platform host; without --demo there is no page.
// This test process only enqueues, through the same database, as the web process does in production.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createScratchDatabase, ensureBuild, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from '../scripts/built-server'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { enqueueEmail } from '../app/modules/mail/enqueue-email.server'

const PLATFORM = 'admin.localhost'
const VESELI = 'veseli.localhost'

let database: Awaited<ReturnType<typeof createScratchDatabase>>
let server: ServerProcess | undefined

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_server_mail'))
}, 90_000)

afterAll(async () => {
	await stopJobs()
	await server?.stop('SIGKILL')
	await closePool()
	await database?.drop()
})

describe('demo mail page', () => {
	test('in the demo, an e-mail enqueued anywhere is sent by the server and listed, newest first, with a detail page of its links', async () => {
		server = await startServer({ args: ['--demo'], env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn' } })
		await waitFor(async () => ((await get(server!.port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 30_000, what: 'readyz 200' })
		const port = server.port
		expect((await get(port, { host: PLATFORM, path: '/platform/mail' })).body).toContain('Zatím tu žádná pošta není.')

		await startJobs({ pool: initPool(database.url, { max: 2 }), log: pino({ level: 'silent' }) })
		const link = 'http://veseli.localhost/pozvanka?token=abc&lang=cs'
		await enqueueEmail({
			tenantSlug: 'veseli-nad-moravou',
			to: 'nova.referentka@example.test',
			locale: 'cs',
			template: 'staff-invitation',
			data: { link, inviterName: 'Jana Nováková', expiresAt: '2026-12-01T12:00:00Z' },
		})
		const mailPage = () => get(port, { host: PLATFORM, path: '/platform/mail' })
		// One after the other: a batch of jobs is sent in parallel, in no fixed order.
		await waitFor(async () => ((await mailPage()).body.includes('nova.referentka@example.test') ? true : undefined), { timeoutMs: 15_000, what: 'the first e-mail' })
		await enqueueEmail({ tenantSlug: 'znojmo', to: 'second@example.test', locale: 'en', template: 'password-reset', data: { link: 'http://znojmo.localhost/r', expiresAt: '2026-12-01T12:00:00Z' } })

		const list = await waitFor(
			async () => {
				const response = await mailPage()
				return response.body.includes('second@example.test') ? response : undefined
			},
			{ timeoutMs: 15_000, what: 'the second e-mail' },
		)
		expect(list.status).toBe(200)
		expect(list.body).toContain('<title>Zachycená pošta – Portál občana</title>')
		const rows = [...list.body.matchAll(/<a [^>]*href="\/platform\/mail\/([0-9a-f-]{36})"[^>]*>([^<]+)<\/a>/g)]
		expect(rows.map((row) => row[2])).toEqual(['Reset your password – Town of Znojmo', 'Pozvánka do úřední části portálu – Město Veselí nad Moravou'])
		expect(list.body).toContain('Město Veselí nad Moravou')

		const detail = await get(port, { host: PLATFORM, path: `/platform/mail/${rows[1][1]}?lng=en` })
		expect(detail.status).toBe(200)
		expect(detail.body).toContain('<html lang="en"')
		expect(detail.body).toContain('Links in the message')
		expect(detail.body).toContain(`<a href="${link.replace('&', '&amp;')}" rel="noreferrer">Přijmout pozvánku</a>`)
		expect(detail.body).toContain('Jana Nováková vás zve')
		expect(detail.body).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="Preview of the attachment coat-of-arms.svg"/)

		const source = await get(port, { host: PLATFORM, path: `/platform/mail/${rows[1][1]}/source` })
		expect(source.headers['content-type']).toBe('message/rfc822')
		expect(source.body).toContain('X-Portal-Tenant: veseli-nad-moravou')

		// Only on the platform host, and only for messages that exist.
		expect((await get(port, { host: VESELI, path: '/platform/mail' })).status).toBe(404)
		expect((await get(port, { host: PLATFORM, path: '/platform/mail/00000000-0000-0000-0000-000000000000' })).status).toBe(404)
		await stopJobs()
	}, 60_000)

	test('without --demo there is no capture server, and the mail page is a 404 while the console still answers (or asks for sign-in)', async () => {
		await server?.stop()
		server = await startServer({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn' } })
		await waitFor(async () => ((await get(server!.port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 20_000, what: 'readyz 200' })
		expect((await get(server.port, { host: PLATFORM, path: '/platform/mail' })).status).toBe(404)
		expect([200, 302]).toContain((await get(server.port, { host: PLATFORM, path: '/platform' })).status)
	}, 40_000)
})
