import type PgBoss from 'pg-boss'
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { AnyJobDefinition } from './define-job'
import { findJobTenant } from './find-job-tenant.server'

export type JobOutcome = { ok: true; output: Record<string, unknown> } | { ok: false; error: { message: string } }

/** "path: message" for each problem, as the CLI and the logs show them. */
export function describeIssues(error: z.ZodError) {
	return error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
}

/**
 * Runs one job: validates its payload again (it may have been written by an older version), resolves
 * its town, calls the handler. Never throws: the outcome says whether pg-boss should complete the job
 * or fail it (and so retry it, while retries are left).
 */
export async function runJob(definition: AnyJobDefinition, job: PgBoss.JobWithMetadata<unknown>, log: Logger): Promise<JobOutcome> {
	const attempt = job.retryCount + 1
	const slug = (job.data as { tenantSlug?: unknown } | null)?.tenantSlug
	const jobLog = log.child({ job: definition.name, jobId: job.id, tenant: typeof slug === 'string' ? slug : undefined, attempt })

	const parsed = definition.schema.safeParse(job.data)
	if (!parsed.success) {
		// Retrying cannot make a payload valid: the job ends here, loudly.
		const issues = describeIssues(parsed.error)
		jobLog.error({ issues }, 'job payload invalid: not run and not retried')
		return { ok: true, output: { outcome: 'refused', issues } }
	}
	try {
		const tenant = await findJobTenant(parsed.data.tenantSlug)
		if (!tenant || tenant.status === 'suspended') {
			const reason = tenant ? 'tenant_suspended' : 'tenant_missing'
			jobLog.warn({ reason }, tenant ? 'town is suspended: job skipped' : 'town no longer exists: job skipped')
			return { ok: true, output: { outcome: 'skipped', reason } }
		}
		const result = await withTimeout(definition.handle(parsed.data, { tenant, log: jobLog, jobId: job.id, attempt }), definition.expireInSeconds)
		jobLog.info('job done')
		return { ok: true, output: { outcome: 'done', ...(isRecord(result) ? { result } : {}) } }
	} catch (error) {
		const willRetry = job.retryCount < job.retryLimit
		const message = error instanceof Error ? error.message : String(error)
		if (willRetry) jobLog.warn({ err: error }, `job failed (attempt ${attempt} of ${job.retryLimit + 1}); it will be retried`)
		else jobLog.error({ err: error }, `job failed for good after ${attempt} attempts`)
		return { ok: false, error: { message } }
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// pg-boss fails a job that stays active past its expiry and hands it out again; stop waiting by then.
async function withTimeout<T>(work: Promise<T>, seconds: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`job did not finish within ${seconds} s`)), seconds * 1000)
	})
	try {
		return await Promise.race([work, timeout])
	} finally {
		clearTimeout(timer)
	}
}
