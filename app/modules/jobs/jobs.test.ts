// The job queue on the worker's real Postgres: retries with exponential backoff, jobs of towns that
// are suspended or gone, payloads refused at enqueue time. Test jobs stand in for real ones, so each
// test controls when its handler fails.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createTown, migrate, sql } from '../../../tests/db'
import { waitFor } from '../../../scripts/built-server'
import { getPool } from '../db/pool.server'
import { isAppError } from '../errors/app-error'
import { setTenantStatus } from '../tenancy/set-tenant-status.server'
import { defineJob, TenantJobSchema } from './define-job'
import { sendEmailJob } from '../mail/mail-jobs'
import { enqueueJob } from './enqueue.server'
import { getJobQueue, startJobs, stopJobs } from './jobs.server'

const logLines: Record<string, unknown>[] = []
const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) })

// Fails the first `failures` attempts of each key, then succeeds; records when each attempt ran.
const attempts = new Map<string, number[]>()
const flakyJob = defineJob({
	name: 'test-flaky',
	schema: TenantJobSchema.extend({ key: z.string(), failures: z.number().int().min(0) }),
	retry: { limit: 3, delaySeconds: 1, backoff: true },
	async handle({ key, failures }) {
		const times = [...(attempts.get(key) ?? []), Date.now()]
		attempts.set(key, times)
		if (times.length <= failures) throw new Error(`planned failure ${times.length} of ${key}`)
		return { attempts: times.length }
	},
})

const handledFor: string[] = []
const recordingJob = defineJob({
	name: 'test-recording',
	schema: TenantJobSchema,
	async handle(_payload, { tenant }) {
		handledFor.push(tenant.slug)
	},
})

async function finishedJob(name: string, id: string) {
	return waitFor(
		async () => {
			const job = await getJobQueue().getJobById<unknown>(name, id)
			return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined
		},
		{ timeoutMs: 15_000, intervalMs: 100, what: `job ${name} ${id} finished` },
	)
}

beforeAll(async () => {
	await migrate()
	await createTown('jobs-town')
	await createTown('sleepy-town')
	await setTenantStatus({ pool: getPool(), slug: 'sleepy-town', status: 'suspended', actor: 'test' })
	await startJobs({ pool: getPool(), log, work: true, jobs: [flakyJob, recordingJob], pollingIntervalSeconds: 0.5 })
})

afterAll(async () => {
	await stopJobs()
})

describe('jobs', () => {
	test('a job whose handler throws is retried with growing delays and succeeds on a later attempt', async () => {
		const id = await enqueueJob(flakyJob, { tenantSlug: 'jobs-town', key: 'backoff', failures: 2 })
		const job = await finishedJob(flakyJob.name, id)

		expect(job).toMatchObject({ state: 'completed', retryCount: 2, retryLimit: 3, retryDelay: 1, retryBackoff: true })
		expect(job.output).toEqual({ outcome: 'done', result: { attempts: 3 } })
		const [first, second, third] = attempts.get('backoff') ?? []
		// pg-boss waits delay × 2^(n-1) × (1 to 2) before the n-th retry: at least 1 s, then at least 2 s.
		expect(second - first).toBeGreaterThanOrEqual(1_000)
		expect(third - second).toBeGreaterThanOrEqual(2_000)
		const retried = logLines.filter((line) => line.jobId === id && line.level === 40)
		expect(retried.map((line) => line.msg)).toEqual(['job failed (attempt 1 of 4); it will be retried', 'job failed (attempt 2 of 4); it will be retried'])
		expect(retried[0]).toMatchObject({ job: 'test-flaky', tenant: 'jobs-town', attempt: 1, err: { message: 'planned failure 1 of backoff' } })
	}, 20_000)

	test('the retry policy can be set per enqueue: with no retries left, a failing job fails for good', async () => {
		const id = await enqueueJob(flakyJob, { tenantSlug: 'jobs-town', key: 'no-retry', failures: 5 }, { limit: 0 })
		const job = await finishedJob(flakyJob.name, id)
		expect(job).toMatchObject({ state: 'failed', retryCount: 0, retryLimit: 0 })
		expect(job.output).toEqual({ message: 'planned failure 1 of no-retry' })
		expect(attempts.get('no-retry')).toHaveLength(1)
		expect(logLines.find((line) => line.jobId === id && line.level === 50)?.msg).toBe('job failed for good after 1 attempts')
	})

	test('a job for a suspended town or a town that no longer exists is skipped with a log line; other towns run', async () => {
		const suspended = await enqueueJob(recordingJob, { tenantSlug: 'sleepy-town' })
		const missing = await enqueueJob(recordingJob, { tenantSlug: 'gone-town' })
		const active = await enqueueJob(recordingJob, { tenantSlug: 'jobs-town' })

		expect((await finishedJob(recordingJob.name, suspended)).output).toEqual({ outcome: 'skipped', reason: 'tenant_suspended' })
		expect((await finishedJob(recordingJob.name, missing)).output).toEqual({ outcome: 'skipped', reason: 'tenant_missing' })
		expect((await finishedJob(recordingJob.name, active)).output).toEqual({ outcome: 'done' })
		expect(handledFor).toEqual(['jobs-town'])
		expect(logLines.find((line) => line.jobId === suspended)).toMatchObject({ level: 40, tenant: 'sleepy-town', msg: 'town is suspended: job skipped' })
		expect(logLines.find((line) => line.jobId === missing)).toMatchObject({ level: 40, tenant: 'gone-town', msg: 'town no longer exists: job skipped' })
	})

	test('an invalid payload is refused at enqueue time, naming every problem, and nothing is queued', async () => {
		const before = await sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [flakyJob.name])
		const error = await enqueueJob(flakyJob, { tenantSlug: 'Not A Slug', key: 7, failures: -1 } as never).catch((caught: unknown) => caught)

		expect(isAppError(error, 'job_payload_invalid')).toBe(true)
		expect((error as Error).message).toMatch(/^Job test-flaky refused: its payload is invalid/)
		expect((error as { details: string[] }).details).toEqual([
			'tenantSlug: must be a town slug such as znojmo',
			'key: Invalid input: expected string, received number',
			'failures: Too small: expected number to be >=0',
		])
		expect(await sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [flakyJob.name])).toEqual(before)
		// A module's contract (here the mail module's): the same check, with no handler loaded.
		await expect(enqueueJob(sendEmailJob, { tenantSlug: 'jobs-town' } as never)).rejects.toThrow(
			/^Job send-email refused: its payload is invalid\n {2}- template: /,
		)
	})

	test('pg-boss keeps its tables in its own schema, not in the platform or town schemas', async () => {
		const tables = await sql<{ table_schema: string }>(`SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'job'`)
		expect(tables.map((row) => row.table_schema)).toEqual(['pgboss'])
	})

	test('after stopJobs, enqueueing says the queue is not running', async () => {
		await stopJobs()
		await expect(enqueueJob(recordingJob, { tenantSlug: 'jobs-town' })).rejects.toThrow(/job queue is not running: call startJobs\(\) first/)
	})
})
