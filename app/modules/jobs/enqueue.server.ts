import { randomUUID } from 'node:crypto'
import type { Prisma } from '../../generated/tenant/client'
import { AppError } from '../errors/app-error'
import type { AnyJobContract, JobInput, RetryPolicy } from './define-job'
import { ensureQueue, getJobQueue, wakeJobLoop } from './jobs.server'
import { describeIssues } from './run-job.server'

export type EnqueueOptions = Partial<RetryPolicy> & {
	/** Not before this time. */
	startAfter?: Date
}

// Transactional enqueueing: enqueueJobsInTransaction below hands pg-boss `{ db }`, an adapter over
// the client of an open Prisma transaction, so the jobs commit or roll back with the rows that caused them.

/**
 * Puts a job on its queue after checking its payload against the job's schema: a bad payload is
 * refused here, in the caller's request, with every problem listed (AppError job_payload_invalid).
 * Returns the job id. The retry policy is the job's own unless overridden here. Takes the job's
 * contract (app/modules/<module>/<module>-jobs.ts), never its handler: enqueueing loads no job code.
 */
export async function enqueueJob<Contract extends AnyJobContract>(definition: Contract, payload: JobInput<Contract>, options: EnqueueOptions = {}) {
	const parsed = definition.schema.safeParse(payload)
	if (!parsed.success) {
		throw new AppError('job_payload_invalid', `Job ${definition.name} refused: its payload is invalid`, describeIssues(parsed.error))
	}
	const queue = getJobQueue()
	await ensureQueue(definition)
	const id = await queue.send(definition.name, parsed.data, {
		retryLimit: options.limit ?? definition.retry.limit,
		retryDelay: options.delaySeconds ?? definition.retry.delaySeconds,
		retryBackoff: options.backoff ?? definition.retry.backoff,
		expireInSeconds: definition.expireInSeconds,
		...(options.startAfter ? { startAfter: options.startAfter } : {}),
	})
	if (!id) throw new Error(`pg-boss did not accept job ${definition.name}`)
	if (!options.startAfter) wakeJobLoop(definition.name)
	return id
}

export type TransactionalJob<Contract extends AnyJobContract> = { payload: JobInput<Contract>; id?: string }

/**
 * Puts jobs on their queue inside the caller's open transaction (pg-boss insert with a `db` adapter
 * over the transaction): they exist exactly when the transaction commits, so a retried caller that
 * rolled back never leaves a job behind, and one that committed never needs to send again. One
 * statement for the whole batch. Each payload is checked like enqueueJob checks it; a refused one is
 * returned (by index) and not queued, the others are. Returns the job id per accepted index. Call
 * wakeJobs(definition) after the commit so this process starts on them at once.
 */
export async function enqueueJobsInTransaction<Contract extends AnyJobContract>(
	tx: Prisma.TransactionClient,
	definition: Contract,
	jobs: readonly TransactionalJob<Contract>[],
) {
	const queue = getJobQueue()
	// pg-boss joins each job to its queue row: a job for a queue that does not exist yet is dropped silently.
	await ensureQueue(definition)
	const ids = new Map<number, string>()
	const refused = new Map<number, ReturnType<typeof describeIssues>>()
	const rows: { id: string; name: string; data: unknown; retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number }[] = []
	jobs.forEach((job, index) => {
		const parsed = definition.schema.safeParse(job.payload)
		if (!parsed.success) return void refused.set(index, describeIssues(parsed.error))
		const id = job.id ?? randomUUID()
		ids.set(index, id)
		rows.push({
			id,
			name: definition.name,
			data: parsed.data,
			retryLimit: definition.retry.limit,
			retryDelay: definition.retry.delaySeconds,
			retryBackoff: definition.retry.backoff,
			expireInSeconds: definition.expireInSeconds,
		})
	})
	if (rows.length) {
		const db = {
			executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map((value) => value ?? null)) }),
		}
		await queue.insert(rows as Parameters<typeof queue.insert>[0], { db })
	}
	return { ids, refused }
}

/** After a transaction that enqueued jobs committed: lets this process's loop for them start now. */
export function wakeJobs(definition: AnyJobContract) {
	wakeJobLoop(definition.name)
}
