// Issue 11, item 11: the demo (`npm start`) runs the production build in production mode, with its
// simulators and demo data. The BUILT server started as `npm start` starts it, on a scratch database.
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { REPO_ROOT } from '../tests/db'
import { makeTempDir } from '../tests/temp'
import { DEMO_PASSWORD } from '../app/modules/staff/demo-staff'
import {
	createScratchDatabase,
	ensureBuild,
	get,
	SERVER_NODE_FLAGS,
	startServer,
	uniqueDatabaseName,
	waitFor,
	type ServerProcess,
} from '../scripts/built-server'
import pg from 'pg'

const STACK = /\bat [\w.<>]+ \(|node_modules|\.js:\d+|PrismaClient|Invalid `/

let server: ServerProcess
let database: Awaited<ReturnType<typeof createScratchDatabase>>
const VESELI = () => `veseli.localhost:${server.port}`

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_demo_production'))
	// As `npm start` runs it (no SECRETS_KEYS: the demo's own key), on a database of its own.
	const { SECRETS_KEYS: _keys, SECRETS_ACTIVE_KEY: _active, ...environment } = process.env
	server = await startServer({
		args: ['--demo'],
		env: { ...environment, NODE_ENV: 'production', DATABASE_URL: database.url, DATA_DIR: makeTempDir('portal-demo-production-'), LOG_LEVEL: 'warn' },
	})
	await waitFor(async () => ((await get(server.port, { path: '/readyz', timeoutMs: 10_000 })).status === 200 ? true : undefined), {
		what: 'readyz 200',
		timeoutMs: 120_000,
		intervalMs: 500,
	})
}, 180_000)

afterAll(async () => {
	await server?.stop()
	await database?.drop()
})

async function sql(text: string) {
	const client = new pg.Client({ connectionString: database.url })
	await client.connect()
	try {
		await client.query(text)
	} finally {
		await client.end()
	}
}

describe('11.11 the demo runs in production mode', () => {
	test('11.11 the demo runs Remix in development mode: `npm start` starts the production build with NODE_ENV=production', () => {
		const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
		expect(pkg.scripts.start).toBe(`npm run build && NODE_ENV=production node ${SERVER_NODE_FLAGS.join(' ')} build/server/index.js --demo`)
		expect(pkg.scripts['start:prod']).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} build/server/index.js`)
	})

	test('11.11 the demo runs Remix in development mode: in production mode the demo still has its towns, its NIA simulator and http cookies', async () => {
		const home = await get(server.port, { host: VESELI(), timeoutMs: 20_000 })
		expect(home.status).toBe(200)
		expect(home.body).toContain('Veselí nad Moravou')
		// Citizens log in through the simulator on this machine: the demo's one exception to production's NIA rules.
		const login = await get(server.port, { host: VESELI(), path: '/auth/nia/login', timeoutMs: 20_000 })
		expect(login.status).toBe(302)
		expect(login.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
		// A demo clerk's password step: the session cookie works over the demo's plain http.
		const signIn = await new Promise<http.IncomingMessage>((resolve, reject) => {
			const body = new URLSearchParams({ email: 'referent@veseli.example', password: DEMO_PASSWORD }).toString()
			const request = http.request(
				{
					host: '127.0.0.1',
					port: server.port,
					method: 'POST',
					path: '/urad/prihlaseni',
					agent: false,
					headers: { host: VESELI(), 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
				},
				resolve,
			)
			request.on('error', reject)
			request.end(body)
		})
		signIn.resume()
		expect(signIn.statusCode).toBe(302)
		const cookie = (signIn.headers['set-cookie'] ?? []).find((value) => value.startsWith('portal_session='))
		expect(cookie).toBeDefined()
		expect(cookie).not.toMatch(/;\s*Secure/i)
	}, 60_000)

	test('11.11 the demo runs Remix in development mode: a 500 in the demo shows no stack trace, only the plain page with the request id', async () => {
		await sql('ALTER TABLE tenant_veseli_nad_moravou.form RENAME TO form_broken')
		try {
			for (const pathName of ['/formulare', '/formulare.data']) {
				const answer = await get(server.port, { host: VESELI(), path: pathName, timeoutMs: 20_000 })
				expect(answer.status, pathName).toBe(500)
				expect(answer.body, pathName).not.toMatch(STACK)
				expect(answer.body, pathName).not.toContain('form_broken')
			}
			const page = await get(server.port, { host: VESELI(), path: '/formulare', headers: { 'accept-language': 'en' }, timeoutMs: 20_000 })
			expect(page.body).toContain('Something went wrong')
			expect(page.body).toContain(page.headers['x-request-id'] as string)
		} finally {
			await sql('ALTER TABLE tenant_veseli_nad_moravou.form_broken RENAME TO form')
		}
	}, 60_000)
})
