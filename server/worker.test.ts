// The built job worker (`npm run worker`) as production runs it: a separate process that works the
// jobs this test enqueues, sends through SMTP_URL, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startMailCapture, type MailCapture } from '../simulators/smtp/mail-capture'
import { createTown, migrate, REPO_ROOT } from '../tests/db'
import { ensureBuild } from '../scripts/built-server'
import { getPool } from '../app/modules/db/pool.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { enqueueEmail } from '../app/modules/mail/enqueue-email.server'

let capture: MailCapture
let worker: ChildProcess | undefined
const output: string[] = []

function startWorker(env: Record<string, string | undefined>) {
	const child = spawn(process.execPath, [path.join(REPO_ROOT, 'build/server/worker.js')], {
		cwd: REPO_ROOT,
		env: Object.fromEntries(
			Object.entries({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env }).filter(([, value]) => value !== undefined),
		) as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	child.stdout?.on('data', (chunk: Buffer) => output.push(String(chunk)))
	child.stderr?.on('data', (chunk: Buffer) => output.push(String(chunk)))
	return child
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

beforeAll(async () => {
	await ensureBuild()
	await migrate()
	await createTown('worker-town', { name: { cs: 'Obec Dělnická' } })
	capture = await startMailCapture()
	// This process only enqueues, like a web process with RUN_JOBS_IN_PROCESS=false.
	await startJobs({ pool: getPool(), log: pino({ level: 'silent' }), work: false })
}, 90_000)

afterAll(async () => {
	if (worker && worker.exitCode === null) worker.kill('SIGKILL')
	await stopJobs()
	await capture?.close()
})

describe('npm run worker', () => {
	test('works the queued e-mail, sending it through SMTP_URL, and exits 0 on SIGTERM', async () => {
		const child = startWorker({ DATABASE_URL: process.env.DATABASE_URL ?? '', SMTP_URL: capture.url })
		worker = child
		await enqueueEmail({
			tenantSlug: 'worker-town',
			to: 'someone@example.test',
			locale: 'cs',
			template: 'notification',
			data: { subject: 'Ahoj', paragraphs: ['Z workeru.'] },
		})
		const mail = await capture.waitFor((message) => message.to.includes('someone@example.test'), 15_000)
		expect(mail.from?.name).toBe('Obec Dělnická')
		expect(mail.subject).toBe('Ahoj')

		const exited = exitOf(child)
		child.kill('SIGTERM')
		expect(await exited).toBe(0)
		expect(output.join('')).toContain('"msg":"stopped"')
	}, 30_000)

	test('in production it refuses to start without SMTP_URL', async () => {
		const child = startWorker({
			DATABASE_URL: process.env.DATABASE_URL ?? '',
			NODE_ENV: 'production',
			SECRETS_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
			SMTP_URL: undefined,
		})
		expect(await exitOf(child)).toBe(78)
		expect(output.join('')).toContain('SMTP_URL is required in production')
	})
})
