import { recordAudit } from '../modules/audit/record-audit.server'
import { moveClaimGenerationRun } from '../modules/claims/claim-generation-states'
import { generateClaims } from '../modules/claims/generate-claims.server'
import { getPool } from '../modules/db/pool.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { generateClaimsJob } from '../modules/claims/claims-jobs'

/** Generates a year's claims for the office's "generate claims" button, writing progress to its run. */
export const generateClaimsJobHandler = defineJobHandler(generateClaimsJob, async ({ runId }, { tenant }) => {
	const db = getTenantDb(tenant)
	await moveClaimGenerationRun(db, { runId, to: 'running' })
	const run = await db.claimGenerationRun.findUniqueOrThrow({ where: { id: runId } })
	// Progress updates go one after another so a late one never overwrites a newer figure.
	let progress: Promise<unknown> = Promise.resolve()
	try {
		const result = await generateClaims({
			pool: getPool(),
			slug: tenant.slug,
			year: run.year,
			onProgress: ({ done, total }) => {
				progress = progress.then(() => db.claimGenerationRun.update({ where: { id: runId }, data: { done, total } }))
			},
		})
		await progress
		await moveClaimGenerationRun(db, {
			runId,
			to: 'done',
			data: { created: result.created, existing: result.existing, ruleVersion: result.ruleVersion, finishedAt: new Date() },
		})
		await recordAudit(db, {
			action: 'claims.generated',
			staffId: run.requestedBy,
			subject: `ClaimGenerationRun:${runId}`,
			details: { year: run.year, ...result },
		})
		return result
	} catch (error) {
		await progress.catch(() => {})
		const message = error instanceof Error ? error.message : String(error)
		await moveClaimGenerationRun(db, { runId, to: 'failed', data: { error: message.slice(0, 500), finishedAt: new Date() } })
		await recordAudit(db, {
			action: 'claims.generated',
			outcome: 'failed',
			staffId: run.requestedBy,
			subject: `ClaimGenerationRun:${runId}`,
			details: { year: run.year, error: message.slice(0, 500) },
		})
		throw error
	}
})
