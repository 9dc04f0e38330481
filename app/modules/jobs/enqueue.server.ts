import { AppError } from '../errors/app-error'
import type { AnyJobContract, JobInput, RetryPolicy } from './define-job'
import { ensureQueue, getJobQueue, wakeJobLoop } from './jobs.server'
import { describeIssues } from './run-job.server'

export type EnqueueOptions = Partial<RetryPolicy> & {
	/** Not before this time. */
	startAfter?: Date
}

// Later (transactional outbox): pg-boss's send() takes `{ db }`, an adapter over the client of an
// open transaction, so that a job commits or rolls back with the rows that caused it. EnqueueOptions
// will then grow a `transaction` field; nothing else here changes.

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
