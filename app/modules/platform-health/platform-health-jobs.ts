// The vendor console's job contract (docs/decisions/018, 024); the handler is app/jobs/refresh-town-health.server.ts.
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/** The town's row in the vendor console's health table (decision 024): every 5 minutes from the scheduler. */
export const refreshTownHealthJob = defineJobContract({
	name: 'refresh-town-health',
	schema: TenantJobSchema,
	// The next scheduled run queues another one anyway.
	retry: { limit: 0, delaySeconds: 60, backoff: false },
	batchSize: 5,
	expireInSeconds: 120,
})
