// Issue 11, items 8, 10 and 11, against the BUILT server in production mode: request bodies are
// refused before they are buffered, the session's IP is the socket's unless a proxy is trusted, and a
// 500 is a plain page in the visitor's language with the request id and no stack. One scratch
// database with the two demo towns; two servers on it: TRUST_PROXY=false and TRUST_PROXY=true.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { createStaffMember, TEST_PASSWORD } from '../tests/staff'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import {
	createScratchDatabase,
	ensureBuild,
	get,
	post,
	rawRequest,
	startServer,
	uniqueDatabaseName,
	waitFor,
	type ServerProcess,
} from '../scripts/built-server'

const VESELI = 'veseli.localhost'
const ZNOJMO = 'znojmo.localhost'
const VESELI_SCHEMA = 'tenant_veseli_nad_moravou'
const MB = 1024 * 1024
const STACK = /\bat [\w.<>]+ \(|node_modules|\.js:\d+|PrismaClient|Invalid `/

let direct: ServerProcess
let proxied: ServerProcess
let database: Awaited<ReturnType<typeof createScratchDatabase>>

const productionEnv = () => ({
	DATABASE_URL: database.url,
	NODE_ENV: 'production',
	SECRETS_KEYS: `k1:${randomBytes(32).toString('base64')}`,
	LOG_LEVEL: 'warn',
})

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_request_limits'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	for (const slug of ['veseli-nad-moravou', 'znojmo']) {
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug)), actor: 'test' })
	}
	const [veseli] = await sql<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)
	await createStaffMember({ tenant: { id: veseli!.id, slug: 'veseli-nad-moravou' } }, { email: 'referent@limits.test', name: 'Ivo Omezený' })
	direct = await startServer({ env: { ...productionEnv(), TRUST_PROXY: 'false' } })
	proxied = await startServer({ env: { ...productionEnv(), TRUST_PROXY: 'true' } })
	for (const server of [direct, proxied])
		await waitFor(async () => ((await get(server.port, { path: '/readyz' })).status === 200 ? true : undefined), { what: 'readyz 200' })
}, 180_000)

afterAll(async () => {
	await Promise.all([direct?.stop(), proxied?.stop()])
	await database?.drop()
})

/** The server process's resident memory in bytes (Linux /proc). */
function rssOf(server: ServerProcess) {
	const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8')
	return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) * 1024
}

type Upload = { status: number; body: string; headers: http.IncomingHttpHeaders; sent: number }

/**
 * A multipart POST of `size` bytes of file content to the street-light form, streamed 1 MB at a time
 * with backpressure, with a Content-Length (declared) or chunked. Stops writing once the answer came.
 */
function streamUpload(port: number, { size, declared, headers = {} }: { size: number; declared: boolean; headers?: Record<string, string> }) {
	const boundary = `----limits${randomBytes(8).toString('hex')}`
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="misto"\r\n\r\nNádražní 3\r\n` +
			`--${boundary}\r\nContent-Disposition: form-data; name="druh"\r\n\r\nblika\r\n` +
			`--${boundary}\r\nContent-Disposition: form-data; name="foto__upload"; filename="lampa.png"\r\nContent-Type: image/png\r\n\r\n`,
	)
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
	const chunk = Buffer.alloc(MB, 0x61)
	return new Promise<Upload>((resolve, reject) => {
		let sent = 0
		let answered = false
		const request = http.request({
			host: '127.0.0.1',
			port,
			method: 'POST',
			path: '/formulare/nefunkcni-osvetleni',
			agent: false,
			headers: {
				host: VESELI,
				'content-type': `multipart/form-data; boundary=${boundary}`,
				...(declared ? { 'content-length': String(head.length + size + tail.length) } : {}),
				...headers,
			},
		})
		request.setTimeout(60_000, () => request.destroy(new Error('no answer to the upload within 60 s')))
		request.on('response', (response) => {
			answered = true
			let body = ''
			response.setEncoding('utf8')
			response.on('data', (text: string) => (body += text))
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers, sent }))
			response.on('error', reject)
		})
		// The server closes the connection after its 413 while we are still writing: expected.
		request.on('error', (error) => {
			if (!answered) reject(error)
		})
		const write = (buffer: Buffer) => new Promise<void>((done) => (request.write(buffer) ? done() : request.once('drain', done)))
		void (async () => {
			await write(head)
			for (let offset = 0; offset < size && !answered && !request.destroyed; offset += MB) {
				await write(chunk.subarray(0, Math.min(MB, size - offset)))
				sent += Math.min(MB, size - offset)
			}
			if (!answered && !request.destroyed) request.end(tail)
		})()
	})
}

function tinyPng() {
	const png = new PNG({ width: 2, height: 2 })
	png.data.fill(200)
	return PNG.sync.write(png)
}

describe('11.8 unbounded request bodies', () => {
	test.each([
		['with a Content-Length of 200 MB', true],
		['chunked, with no Content-Length', false],
	])(
		'11.8 unbounded request bodies: an anonymous 200 MB upload to the street-light form (%s) is refused with 413 and the server grows by less than 50 MB',
		async (_name, declared) => {
			// Warm up: the form page and a refused small post load the code paths the upload takes.
			expect((await get(direct.port, { host: VESELI, path: '/formulare/nefunkcni-osvetleni', timeoutMs: 20_000 })).status).toBe(200)
			const before = rssOf(direct)
			const upload = await streamUpload(direct.port, { size: 200 * MB, declared })
			const after = rssOf(direct)
			expect(upload.status).toBe(413)
			expect(upload.headers['content-type']).toMatch(/^text\/html/)
			expect(upload.body).toContain('<html lang="cs"')
			expect(upload.body).toContain('Odeslaná data jsou příliš velká')
			expect(upload.body).toContain('17 MB') // the form's 16 MB of attachments and a margin
			expect(upload.body).not.toMatch(STACK)
			expect(upload.sent).toBeLessThan(100 * MB)
			expect(after - before, `RSS grew from ${Math.round(before / MB)} MB to ${Math.round(after / MB)} MB`).toBeLessThan(50 * MB)
			expect(await sql(`SELECT 1 FROM ${VESELI_SCHEMA}.submission`)).toEqual([])
			// The server is fine afterwards.
			expect((await get(direct.port, { host: VESELI })).status).toBe(200)
		},
		90_000,
	)

	test('11.8 unbounded request bodies: the 413 page speaks the visitor’s language (Accept-Language, then the language cookie)', async () => {
		const ukrainian = await streamUpload(direct.port, { size: 40 * MB, declared: true, headers: { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' } })
		expect(ukrainian.status).toBe(413)
		expect(ukrainian.body).toContain('<html lang="uk"')
		expect(ukrainian.body).toContain('Надіслані дані завеликі')
		const english = await streamUpload(direct.port, {
			size: 40 * MB,
			declared: false,
			headers: { 'accept-language': 'uk', cookie: `lng=${Buffer.from('"en"').toString('base64')}` },
		})
		expect(english.status).toBe(413)
		expect(english.body).toContain('What you sent is too large')
	}, 60_000)

	test('11.8 unbounded request bodies: a plain form over 1 MB is refused with 413; a photo within the form’s limit is filed', async () => {
		const big = await post(direct.port, { host: VESELI, path: '/urad/prihlaseni', form: { email: 'a@b.cz', password: 'x'.repeat(2 * MB) } })
		expect(big.status).toBe(413)

		const boundary = 'smallupload'
		const body = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="misto"\r\n\r\nNádražní 3\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="druh"\r\n\r\nblika\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="foto__upload"; filename="lampa.png"\r\nContent-Type: image/png\r\n\r\n`,
			),
			tinyPng(),
			Buffer.from(`\r\n--${boundary}--\r\n`),
		])
		const filed = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
			const request = http.request(
				{
					host: '127.0.0.1',
					port: direct.port,
					method: 'POST',
					path: '/formulare/nefunkcni-osvetleni',
					agent: false,
					headers: { host: VESELI, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
				},
				(response) => {
					response.resume()
					response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }))
				},
			)
			request.on('error', reject)
			request.end(body)
		})
		expect(filed).toMatchObject({ status: 303, location: expect.stringMatching(/^\/formulare\/odeslano\?cislo=/) })
		const [attachment] = await sql<{ file_name: string; content_type: string }>(`SELECT file_name, content_type FROM ${VESELI_SCHEMA}.submission_attachment`)
		expect(attachment).toEqual({ file_name: 'lampa.png', content_type: 'image/png' })
	}, 30_000)
})

describe('11.10 session IP from X-Forwarded-For', () => {
	async function signInWithForwardedFor(server: ServerProcess) {
		const answer = await post(server.port, {
			host: VESELI,
			path: '/urad/prihlaseni',
			form: { email: 'referent@limits.test', password: TEST_PASSWORD },
			headers: { 'x-forwarded-for': '203.0.113.77' },
			timeoutMs: 30_000,
		}).catch((error: Error) => {
			throw new Error(`${error.message}\n${server.output()}`)
		})
		expect(answer).toMatchObject({ status: 302, headers: { location: '/urad' } })
		const [session] = await sql<{ ip: string | null }>(
			`SELECT ip FROM ${VESELI_SCHEMA}.session WHERE staff_user_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
		)
		return session!.ip
	}

	test('11.10 session IP from X-Forwarded-For: with TRUST_PROXY=false the stored session IP is the socket’s, whatever the header says', async () => {
		expect(await signInWithForwardedFor(direct)).toBe('127.0.0.1')
	}, 60_000)

	test('11.10 session IP from X-Forwarded-For: with TRUST_PROXY=true it is the address the proxy forwarded', async () => {
		expect(await signInWithForwardedFor(proxied)).toBe('203.0.113.77')
	}, 60_000)
})

describe('11.11 production mode and server errors', () => {
	test('11.11 a 500 is a plain page in the visitor’s language with the request id and no stack; the data request carries no stack either', async () => {
		// Break Znojmo's form table: the catalogue's query fails the way an unexpected bug would.
		await sql(`ALTER TABLE tenant_znojmo.form RENAME TO form_broken`)
		try {
			const page = await get(direct.port, { host: ZNOJMO, path: '/formulare', headers: { 'accept-language': 'uk' } })
			expect(page.status).toBe(500)
			expect(page.headers['content-type']).toMatch(/^text\/html/)
			const requestId = page.headers['x-request-id'] as string
			expect(requestId).toMatch(/^[\w-]{8,}$/)
			expect(page.body).toContain('<html lang="uk"')
			expect(page.body).toContain('Щось пішло не так')
			expect(page.body).toContain(requestId)
			expect(page.body).not.toMatch(STACK)
			expect(page.body).not.toContain('form_broken')
			expect(page.body).not.toContain('tenant_znojmo')

			const czech = await get(direct.port, { host: ZNOJMO, path: '/formulare' })
			expect(czech.body).toContain('Něco se pokazilo')
			expect(czech.body).toContain(czech.headers['x-request-id'] as string)

			const data = await get(direct.port, { host: ZNOJMO, path: '/formulare.data' })
			expect(data.status).toBe(500)
			expect(data.body).not.toMatch(STACK)
			expect(data.body).not.toContain('tenant_znojmo')
		} finally {
			await sql(`ALTER TABLE tenant_znojmo.form_broken RENAME TO form`)
		}
		expect((await get(direct.port, { host: ZNOJMO, path: '/formulare' })).status).toBe(200)
	}, 60_000)

	test('11.11 a Host header with a port above 65535 gets 400, not 500', async () => {
		for (const host of [`${VESELI}:70000`, `${VESELI}:99999`]) {
			const answer = await rawRequest(direct.port, `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
			expect(answer.status, host).toBe(400)
		}
		expect((await get(direct.port, { host: `${VESELI}:65535` })).status).toBe(200)
	})
})
