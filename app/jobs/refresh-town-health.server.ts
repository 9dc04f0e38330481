import { getPool } from '../modules/db/pool.server'
import { defineJob, TenantJobSchema } from '../modules/jobs/define-job'
import { refreshTownHealth } from '../modules/platform-health/collect-town-health.server'

/** The town's row in the vendor console's health table (decision 024): every 5 minutes from the sweeper. */
export const refreshTownHealthJob = defineJob({
	name: 'refresh-town-health',
	schema: TenantJobSchema,
	// The next sweep queues another one anyway.
	retry: { limit: 0, delaySeconds: 60, backoff: false },
	batchSize: 5,
	expireInSeconds: 120,
	async handle(_payload, { tenant }) {
		const { level, problems } = await refreshTownHealth(getPool(), tenant)
		return { level, problems }
	},
})
