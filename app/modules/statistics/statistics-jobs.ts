// The statistics module's job contract (docs/decisions/018); the handler is app/jobs/refresh-statistics.server.ts.
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/** Recomputes the town's statistic_month rows (decision 017): hourly from the scheduler, or "refresh now" in the office. */
export const refreshStatisticsJob = defineJobContract({
	name: 'refresh-statistics',
	schema: TenantJobSchema,
	// A full recompute: a failed one is simply retried a little later.
	retry: { limit: 2, delaySeconds: 60 },
	batchSize: 1,
	expireInSeconds: 10 * 60,
})
