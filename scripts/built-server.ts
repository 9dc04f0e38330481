// The BUILT app (build/server/index.js) as a child process, for the server integration tests and the
// benchmark: build when the build is missing or older than its sources, start on a free port,
// capture its output, talk to it over real HTTP with a Host header, stop it with a signal.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const SERVER_ENTRY = path.join(REPO_ROOT, 'build/server/index.js')
const BUILD_OUTPUTS = [SERVER_ENTRY, path.join(REPO_ROOT, 'build/server/cli.js'), path.join(REPO_ROOT, 'build/index.js')]
const BUILD_INPUTS = ['server.ts', 'worker.ts', 'remix.config.js', 'server', 'app', 'simulators']
const BUILD_LOCK = path.join(REPO_ROOT, '.cache/build.lock')

function newestSourceTime(entry: string): number {
	const info = statSync(entry, { throwIfNoEntry: false })
	if (!info) return 0
	if (!info.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : info.mtimeMs
	let newest = 0
	for (const name of readdirSync(entry)) newest = Math.max(newest, newestSourceTime(path.join(entry, name)))
	return newest
}

function isBuildFresh() {
	const outputs = BUILD_OUTPUTS.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0)
	const sources = Math.max(...BUILD_INPUTS.map((entry) => newestSourceTime(path.join(REPO_ROOT, entry))))
	return Math.min(...outputs) >= sources
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `npm run build` unless the build is newer than every source file. A lock folder keeps two
 * test workers from building at once; the second waits and then finds the build fresh.
 */
export async function ensureBuild() {
	if (isBuildFresh()) return
	mkdirSync(path.dirname(BUILD_LOCK), { recursive: true })
	const deadline = Date.now() + 120_000
	for (;;) {
		try {
			mkdirSync(BUILD_LOCK)
			break
		} catch {
			const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
			if (age > 120_000) rmSync(BUILD_LOCK, { recursive: true, force: true })
			if (Date.now() > deadline) throw new Error(`waited 2 minutes for ${BUILD_LOCK}; remove it if no build is running`)
			await sleep(250)
		}
	}
	try {
		if (isBuildFresh()) return
		const output: string[] = []
		const code = await new Promise<number | null>((resolve, reject) => {
			// Always a production build: Vitest sets NODE_ENV=test, and a Remix build made under it uses React's
			// development JSX runtime, which a server in production mode does not have (jsxDEV is not a function).
			const child = spawn('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } })
			child.stdout.on('data', (chunk) => output.push(String(chunk)))
			child.stderr.on('data', (chunk) => output.push(String(chunk)))
			child.on('error', reject)
			child.on('exit', resolve)
		})
		if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${output.join('')}`)
	} finally {
		rmSync(BUILD_LOCK, { recursive: true, force: true })
	}
}

export async function findFreePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null }

export type ServerProcess = {
	port: number
	child: ChildProcess
	/** Every line the process wrote to stdout and stderr so far, in order. */
	lines: string[]
	/** The stdout lines that are JSON log records, parsed. */
	logRecords: () => Record<string, unknown>[]
	output: () => string
	exited: Promise<Exit>
	isRunning: () => boolean
	/** Resolves with the first output line matching, or rejects after timeoutMs. */
	waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>
	/** Sends the signal and waits for the exit; SIGKILL after timeoutMs. */
	stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<Exit>
}

type StartOptions = {
	env?: Record<string, string | undefined>
	args?: string[]
	cwd?: string
	port?: number
	/** Wait until /healthz answers (default); false returns right after spawning. */
	waitUntilListening?: boolean
}

/**
 * The Node flags the server runs with (`npm start`, `npm run start:prod`, the tests, the bench): a young
 * generation of 32 MB semi-spaces instead of V8's 16 MB, since a page allocates a few MB and collecting the
 * young generation twice as often cost 6–15 % of the home page's throughput (decision 030).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32']

/** Spawns `node build/server/index.js` on 127.0.0.1 and (by default) waits until it listens. */
export async function startServer({ env = {}, args = [], cwd = REPO_ROOT, port, waitUntilListening = true }: StartOptions = {}): Promise<ServerProcess> {
	const chosenPort = port ?? (await findFreePort())
	const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY, ...args], {
		cwd,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(chosenPort), LOG_LEVEL: 'warn', ...env },
	})
	const lines: string[] = []
	const stdoutLines: string[] = []
	const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>()
	const collect = (stream: NodeJS.ReadableStream, target?: string[]) => {
		let rest = ''
		stream.setEncoding('utf8')
		stream.on('data', (chunk: string) => {
			const parts = (rest + chunk).split('\n')
			rest = parts.pop() ?? ''
			for (const line of parts) {
				lines.push(line)
				target?.push(line)
				for (const waiter of waiters) {
					if (!waiter.pattern.test(line)) continue
					waiters.delete(waiter)
					waiter.resolve(line)
				}
			}
		})
		stream.on('end', () => {
			if (!rest) return
			lines.push(rest)
			target?.push(rest)
		})
	}
	collect(child.stdout!, stdoutLines)
	collect(child.stderr!)
	let running = true
	const exited = new Promise<Exit>((resolve) => {
		child.on('exit', (code, signal) => {
			running = false
			resolve({ code, signal })
		})
	})

	const server: ServerProcess = {
		port: chosenPort,
		child,
		lines,
		output: () => lines.join('\n'),
		logRecords: () =>
			stdoutLines.flatMap((line) => {
				try {
					const value: unknown = JSON.parse(line)
					return value && typeof value === 'object' ? [value as Record<string, unknown>] : []
				} catch {
					return []
				}
			}),
		exited,
		isRunning: () => running,
		waitForLine: (pattern, timeoutMs = 10_000) => {
			const found = lines.find((line) => pattern.test(line))
			if (found !== undefined) return Promise.resolve(found)
			return new Promise((resolve, reject) => {
				const waiter = { pattern, resolve }
				waiters.add(waiter)
				setTimeout(() => {
					if (waiters.delete(waiter)) reject(new Error(`no output line matched ${pattern} within ${timeoutMs} ms; output:\n${lines.join('\n')}`))
				}, timeoutMs).unref()
			})
		},
		stop: async (signal = 'SIGTERM', timeoutMs = 15_000) => {
			if (!running) return exited
			child.kill(signal)
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
			const exit = await exited
			clearTimeout(timer)
			return exit
		},
	}
	if (waitUntilListening) {
		const deadline = Date.now() + 60_000
		for (;;) {
			if (!running) throw new Error(`server exited before listening (${JSON.stringify(await exited)}); output:\n${server.output()}`)
			const ok = await get(chosenPort, { path: '/healthz', timeoutMs: 1_000 }).then(
				(response) => response.status === 200,
				() => false,
			)
			if (ok) break
			if (Date.now() > deadline) {
				await server.stop('SIGKILL')
				throw new Error(`server did not answer /healthz within 60 s; output:\n${server.output()}`)
			}
			await sleep(100)
		}
	}
	return server
}

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }

type GetOptions = {
	path?: string
	/** The Host header; defaults to 127.0.0.1:<port>. */
	host?: string
	headers?: Record<string, string>
	/** Rejects when no complete answer came within this time: a hang is a failure, not a slow pass. */
	timeoutMs?: number
	/** Default: a fresh connection per request. */
	agent?: http.Agent | false
}

/** GET over real HTTP to 127.0.0.1:<port>, addressed to a town by its Host header. */
export function get(port: number, options: GetOptions = {}): Promise<HttpResult> {
	return send(port, 'GET', options)
}

/** POST of a form (application/x-www-form-urlencoded) over real HTTP; headers such as Origin as given. */
export function post(port: number, { form = {}, ...options }: GetOptions & { form?: Record<string, string> } = {}): Promise<HttpResult> {
	return send(port, 'POST', options, new URLSearchParams(form).toString())
}

function send(
	port: number,
	method: string,
	{ path = '/', host, headers = {}, timeoutMs = 5_000, agent = false }: GetOptions,
	form?: string,
): Promise<HttpResult> {
	const started = Date.now()
	const formHeaders = form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(form)) }
	return new Promise((resolve, reject) => {
		const request = http.request(
			{ host: '127.0.0.1', port, path, method, agent, headers: { ...(host === undefined ? {} : { host }), ...formHeaders, ...headers } },
			(response) => {
				let body = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (body += chunk))
				response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body, ms: Date.now() - started }))
				response.on('error', reject)
			},
		)
		request.setTimeout(timeoutMs, () => request.destroy(new Error(`${method} ${host ?? ''}${path} got no answer within ${timeoutMs} ms`)))
		request.on('error', reject)
		request.end(form)
	})
}

/** Sends bytes exactly as given (for requests Node's client would refuse to build); resolves with the status line's code and the text. */
export function rawRequest(port: number, text: string, timeoutMs = 5_000): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1')
		let received = ''
		socket.setEncoding('utf8')
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)))
		socket.on('data', (chunk: string) => (received += chunk))
		socket.on('error', (error) => (received ? finish() : reject(error)))
		socket.on('end', () => finish())
		const finish = () => {
			const match = /^HTTP\/1\.1 (\d{3})/.exec(received)
			if (!match) return reject(new Error(`not an HTTP answer: ${JSON.stringify(received.slice(0, 200))}`))
			resolve({ status: Number(match[1]), text: received })
		}
		socket.on('connect', () => socket.write(text))
	})
}

/** Polls until check() returns a value other than undefined; throws the last failure after timeoutMs. */
export async function waitFor<T>(check: () => Promise<T | undefined>, { timeoutMs = 10_000, intervalMs = 200, what = 'condition' } = {}): Promise<T> {
	const deadline = Date.now() + timeoutMs
	let last: unknown
	for (;;) {
		try {
			const value = await check()
			if (value !== undefined) return value
		} catch (error) {
			last = error
		}
		if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`)
		await sleep(intervalMs)
	}
}

/** The admin connection (DATABASE_URL_TEST) that creates and drops scratch databases. */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test'

/**
 * Creates an empty database (dropping a leftover of the same name) and returns its URL and a drop().
 * Names should be unique per run, so that concurrent test runs never share (or drop) each other's.
 */
export async function createScratchDatabase(name: string) {
	if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name ${name}`)
	const admin = async (text: string) => {
		const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL })
		await client.connect()
		try {
			await client.query(text)
		} finally {
			await client.end()
		}
	}
	await dropAbandonedDatabases(name)
	await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
	await admin(`CREATE DATABASE ${name}`)
	const url = new URL(ADMIN_DATABASE_URL)
	url.pathname = `/${name}`
	return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** A database name unique to this process and call: <prefix>_<pid>_<random>. */
export function uniqueDatabaseName(prefix: string) {
	return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
}

const UNIQUE_NAME = /^(.+)_(\d+)_[a-z0-9]+$/

/** Drops databases named like uniqueDatabaseName(<same prefix>) whose process is gone (a killed run). */
async function dropAbandonedDatabases(name: string) {
	const prefix = UNIQUE_NAME.exec(name)?.[1]
	if (!prefix) return
	const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL })
	await client.connect()
	try {
		const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${prefix}_`])
		for (const { datname } of rows) {
			const match = UNIQUE_NAME.exec(datname)
			if (match?.[1] !== prefix || isProcessAlive(Number(match[2]))) continue
			await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {})
		}
	} finally {
		await client.end()
	}
}

function isProcessAlive(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}
