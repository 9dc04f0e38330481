// The job queue: pg-boss on the app's own Postgres, in its own schema. One instance per process
// (server, worker, CLI), kept on globalThis so that the Express bundle and the Remix bundle share it.
// See docs/decisions/004-jobs-and-mail.md.
import pg from 'pg'
import PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import { singleton } from '../util/singleton.server'
import type { AnyJobContract, AnyJobDefinition } from './define-job'
import { runJob } from './run-job.server'

export const JOBS_SCHEMA = 'pgboss'

type Loop = { name: string; done: Promise<void>; wake: () => void }

type JobsState = {
	boss?: PgBoss
	starting?: Promise<PgBoss>
	ownPool?: pg.Pool
	log?: Logger
	queues: Set<string>
	loops: Loop[]
	stopping: boolean
}

const state = singleton<JobsState>('jobs', () => ({ queues: new Set(), loops: [], stopping: false }))

export type StartJobsOptions = {
	/** The process's shared pool: pg-boss then opens no connections of its own. */
	pool?: pg.Pool
	/** Or a URL, for a small pool of the queue's own. */
	connectionString?: string
	log: Logger
	/** true: this process runs the handlers (worker, demo, development); false: it only enqueues. */
	work?: boolean
	/** The jobs this process works, with their handlers: the entry points pass app/jobs/handlers.server.ts. Needed with work. */
	jobs?: readonly AnyJobDefinition[]
	/** How often an idle queue is polled; enqueueing in this process wakes its loop at once. */
	pollingIntervalSeconds?: number
}

/** Whether a process runs the job handlers itself: the demo always; otherwise RUN_JOBS_IN_PROCESS, default true outside production. */
export function shouldRunJobsInProcess(env: { RUN_JOBS_IN_PROCESS?: boolean; NODE_ENV: string }, isDemo = false) {
	return isDemo || (env.RUN_JOBS_IN_PROCESS ?? env.NODE_ENV !== 'production')
}

/** Starts the queue (creating its schema on first use) and, with work, a polling loop per job. Idempotent. */
export async function startJobs(options: StartJobsOptions): Promise<PgBoss> {
	if (state.boss) return state.boss
	state.starting ??= start(options).finally(() => (state.starting = undefined))
	return state.starting
}

async function start({ pool, connectionString, log, work = false, jobs = [], pollingIntervalSeconds = 2 }: StartJobsOptions) {
	if (!pool && !connectionString) throw new Error('startJobs needs a pool or a connectionString')
	// The handlers are the entry point's to give (server.ts, worker.ts): this module imports none of them.
	if (work && jobs.length === 0) throw new Error('startJobs with work needs the jobs to work (app/jobs/handlers.server.ts)')
	const ownPool = pool ? undefined : new pg.Pool({ connectionString, max: 4, application_name: 'portal-jobs' })
	ownPool?.on('error', () => {})
	const db = (pool ?? ownPool) as pg.Pool
	const boss = new PgBoss({
		db: { executeSql: (text, values) => db.query(text, values) },
		schema: JOBS_SCHEMA,
		migrate: true,
		// Maintenance (expiring stuck jobs, archiving) runs where jobs are worked. No cron jobs yet:
		// turn `schedule` on with the first one.
		supervise: work,
		schedule: false,
	})
	boss.on('error', (error) => log.warn({ err: error }, 'job queue maintenance failed'))
	try {
		await boss.start()
		for (const definition of jobs) await ensureQueueOn(boss, definition)
	} catch (error) {
		await boss.stop({ graceful: false }).catch(() => {})
		await ownPool?.end().catch(() => {})
		throw error
	}
	Object.assign(state, { boss, ownPool, log, stopping: false })
	if (work) state.loops = jobs.map((definition) => startLoop(boss, definition, log, pollingIntervalSeconds))
	log.info({ jobs: jobs.map((job) => job.name), work }, work ? 'job queue started; working jobs in this process' : 'job queue started (enqueue only)')
	return boss
}

/**
 * Stops taking jobs, lets the ones under way finish (up to timeoutMs; any left are failed by
 * pg-boss's expiry and run again later), then lets go of the queue. The shared pool stays open.
 */
export async function stopJobs({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}) {
	await state.starting?.catch(() => {})
	const { boss, loops, ownPool, log } = state
	if (!boss) return
	state.stopping = true
	for (const loop of loops) loop.wake()
	const finished = await Promise.race([
		Promise.all(loops.map((loop) => loop.done)).then(() => true),
		new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
	])
	if (!finished) log?.warn(`jobs still running after ${timeoutMs} ms; they will run again after they expire`)
	await boss.stop({ graceful: false, close: false }).catch((error) => log?.warn({ err: error }, 'stopping the job queue failed'))
	await ownPool?.end().catch(() => {})
	Object.assign(state, { boss: undefined, ownPool: undefined, log: undefined, loops: [], stopping: false })
	state.queues.clear()
}

/** The started queue, for enqueueing; a clear error when the process never started it. */
export function getJobQueue(): PgBoss {
	if (!state.boss || state.stopping) throw new Error('The job queue is not running: call startJobs() first (server.ts, worker.ts and the CLI do)')
	return state.boss
}

/** pg-boss v10 needs a queue before send/work; creating one that exists is a no-op. */
export async function ensureQueue(definition: AnyJobContract) {
	await ensureQueueOn(getJobQueue(), definition)
}

async function ensureQueueOn(boss: PgBoss, definition: AnyJobContract) {
	if (state.queues.has(definition.name)) return
	await boss.createQueue(definition.name, {
		name: definition.name,
		retryLimit: definition.retry.limit,
		retryDelay: definition.retry.delaySeconds,
		retryBackoff: definition.retry.backoff,
		expireInSeconds: definition.expireInSeconds,
	})
	state.queues.add(definition.name)
}

/** Wakes this process's loop for a queue (after an enqueue), so in-process jobs start at once. */
export function wakeJobLoop(name: string) {
	for (const loop of state.loops) if (loop.name === name) loop.wake()
}

// Our own fetch loop rather than boss.work(): pg-boss 10 completes and fails a worked job without
// awaiting or catching the query, so a database blip at that moment becomes an unhandled rejection
// that ends the process. Here every query is awaited, and a full batch is followed by the next one at once.
function startLoop(boss: PgBoss, definition: AnyJobDefinition, log: Logger, intervalSeconds: number): Loop {
	let wake = () => {}
	let failing = false
	const done = (async () => {
		while (!state.stopping) {
			let jobs: PgBoss.JobWithMetadata<unknown>[] = []
			try {
				jobs = await boss.fetch<unknown>(definition.name, { batchSize: definition.batchSize, includeMetadata: true })
				if (failing) log.info({ job: definition.name }, 'fetching jobs works again')
				failing = false
			} catch (error) {
				if (!failing) log.warn({ err: error, job: definition.name }, 'fetching jobs failed; retrying at every poll')
				failing = true
			}
			await Promise.all(jobs.map((job) => settle(boss, definition, job, log)))
			if (jobs.length === definition.batchSize || state.stopping) continue
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, intervalSeconds * 1000)
				wake = () => {
					clearTimeout(timer)
					resolve()
				}
			})
		}
	})()
	return { name: definition.name, done, wake: () => wake() }
}

async function settle(boss: PgBoss, definition: AnyJobDefinition, job: PgBoss.JobWithMetadata<unknown>, log: Logger) {
	const outcome = await runJob(definition, job, log)
	try {
		if (outcome.ok) await boss.complete(definition.name, job.id, outcome.output)
		else await boss.fail(definition.name, job.id, outcome.error)
	} catch (error) {
		log.warn({ err: error, job: definition.name, jobId: job.id }, 'could not record the outcome of a job; it will run again after it expires')
	}
}
