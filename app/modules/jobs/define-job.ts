import type { Logger } from 'pino'
import { z } from 'zod'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'

/**
 * Every job belongs to one town: its payload names the town by slug, and the worker resolves the
 * town before the handler runs (a town that is gone or suspended gets no work done).
 */
export const TenantJobSchema = z.object({
	tenantSlug: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a town slug such as znojmo'),
})

export type RetryPolicy = {
	/** Attempts after the first one; 0 means no retry. */
	limit: number
	/** Seconds before a retry; with backoff, the n-th retry waits about delay × 2^(n-1), with jitter (pg-boss). */
	delaySeconds: number
	backoff: boolean
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true }

export type JobContext = {
	tenant: ResolvedTenant
	/** Carries the job name, id, town and attempt on every line. */
	log: Logger
	jobId: string
	/** 1 for the first try, 2 for the first retry, … */
	attempt: number
}

/** A payload schema: an object that names its town. Keep it free of transforms (see enqueueJob). */
type PayloadSchema = z.ZodType<{ tenantSlug: string }>

/**
 * What a caller needs to enqueue a job and the queue needs to create it: no handler. A module keeps
 * its contracts in a small file of its own (app/modules/<module>/<module>-jobs.ts) that imports no
 * handler, so enqueueing a job never loads the code that works it (docs/decisions/018).
 */
export type JobContract<Name extends string = string, Schema extends PayloadSchema = PayloadSchema> = {
	/** The pg-boss queue name. */
	name: Name
	schema: Schema
	retry: RetryPolicy
	/** Jobs fetched per poll; each one succeeds or fails (and is retried) on its own. */
	batchSize: number
	/** A job still running after this long is failed (and retried). */
	expireInSeconds: number
}

export type AnyJobContract = JobContract<string, PayloadSchema>

/** A contract with the code that works it; listed in app/jobs/handlers.server.ts. */
export type JobDefinition<Name extends string = string, Schema extends PayloadSchema = PayloadSchema> = JobContract<Name, Schema> & {
	/** What is returned is kept as the job's output (pg-boss `output`). Throwing fails this attempt. */
	handle(payload: z.output<Schema>, context: JobContext): Promise<unknown>
}

// Method syntax in JobDefinition keeps handle() bivariant, so any definition fits here.
export type AnyJobDefinition = JobDefinition<string, PayloadSchema>

/** What callers pass to enqueue a job of this contract. */
export type JobInput<Contract extends AnyJobContract> = z.input<Contract['schema']>

type JobContractOptions<Name extends string, Schema extends PayloadSchema> = {
	name: Name
	schema: Schema
	retry?: Partial<RetryPolicy>
	batchSize?: number
	expireInSeconds?: number
}

/** Declares a job's contract: name, payload schema, retry policy. The handler is bound by defineJobHandler. */
export function defineJobContract<const Name extends string, Schema extends PayloadSchema>(
	options: JobContractOptions<Name, Schema>,
): JobContract<Name, Schema> {
	if (!/^[a-z][a-z0-9-]{1,60}$/.test(options.name)) throw new Error(`Job name ${options.name}: use lower-case words joined by hyphens`)
	return {
		name: options.name,
		schema: options.schema,
		retry: { ...DEFAULT_RETRY, ...options.retry },
		batchSize: options.batchSize ?? 5,
		expireInSeconds: options.expireInSeconds ?? 15 * 60,
	}
}

/** Binds the code that works a job to its contract. List the result in app/jobs/handlers.server.ts. */
export function defineJobHandler<const Name extends string, Schema extends PayloadSchema>(
	contract: JobContract<Name, Schema>,
	handle: (payload: z.output<Schema>, context: JobContext) => Promise<unknown>,
): JobDefinition<Name, Schema> {
	return { ...contract, handle }
}

/** Contract and handler in one, for jobs that live in one place only (tests). */
export function defineJob<const Name extends string, Schema extends PayloadSchema>(
	options: JobContractOptions<Name, Schema> & { handle(payload: z.output<Schema>, context: JobContext): Promise<unknown> },
): JobDefinition<Name, Schema> {
	return defineJobHandler(defineJobContract(options), options.handle)
}
