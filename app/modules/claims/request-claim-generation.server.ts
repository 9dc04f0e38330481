import { generateClaimsJob } from './claims-jobs'
import { recordAudit } from '../audit/record-audit.server'
import { OPEN_CLAIM_GENERATION_STATES } from './claim-generation-states'
import type { TenantDb } from '../db/tenant-db.server'
import { enqueueJob } from '../jobs/enqueue.server'
import { ClaimGenerationError } from './claim-generation-error'

type Options = { db: TenantDb; tenantSlug: string; year: number; by: string; ip?: string | null; requestId?: string | null }

/**
 * Queues claim generation for a year. Generation itself is idempotent (no duplicates on a re-run);
 * this only refuses a second request while one is still queued or running.
 */
export async function requestClaimGeneration({ db, tenantSlug, year, by, ip = null, requestId = null }: Options) {
	// A run the job expired on (30 minutes) no longer blocks a new request.
	const open = await db.claimGenerationRun.findFirst({
		where: { status: { in: [...OPEN_CLAIM_GENERATION_STATES] }, createdAt: { gt: new Date(Date.now() - 35 * 60_000) } },
	})
	if (open) throw new ClaimGenerationError('already_running', 'Claim generation is already running')
	if (!(await db.feeRuleVersion.count())) throw new ClaimGenerationError('no_fee_rules', 'The town has no fee rules yet')
	const run = await db.claimGenerationRun.create({ data: { year, requestedBy: by } })
	await recordAudit(db, { action: 'claims.generation_requested', staffId: by, subject: `ClaimGenerationRun:${run.id}`, details: { year }, ip, requestId })
	await enqueueJob(generateClaimsJob, { tenantSlug, runId: run.id })
	return run
}

/** The last ten generation runs, newest first, to follow their progress. */
export async function listRecentClaimGenerationRuns({ db }: { db: TenantDb }) {
	return db.claimGenerationRun.findMany({ orderBy: { createdAt: 'desc' }, take: 10 })
}
