import { getPool } from '../modules/db/pool.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { refreshTownHealth } from '../modules/platform-health/collect-town-health.server'
import { refreshTownHealthJob } from '../modules/platform-health/platform-health-jobs'

/** The town's row in the vendor console's health table (decision 024). */
export const refreshTownHealthJobHandler = defineJobHandler(refreshTownHealthJob, async (_payload, { tenant }) => {
	const { level, problems } = await refreshTownHealth(getPool(), tenant)
	return { level, problems }
})
