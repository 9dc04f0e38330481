// The delivery module's job contracts (docs/decisions/018); handlers in app/jobs/, schedules in app/jobs/schedule.server.ts.
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/**
 * Delivers the town's due submissions, then its due needs-info answers. Each outbox row keeps its own
 * retry schedule (48 h), so the job is not retried itself: the scheduler starts it again while anything is due.
 */
export const deliverSubmissionsJob = defineJobContract({
	name: 'deliver-submissions',
	schema: TenantJobSchema,
	retry: { limit: 0 },
	batchSize: 2,
	expireInSeconds: 15 * 60,
})

/** Reads the status of open submissions from a records system that sends no callbacks (GINIS). */
export const pollRecordsStatusJob = defineJobContract({
	name: 'poll-records-status',
	schema: TenantJobSchema,
	retry: { limit: 0 },
	batchSize: 1,
	expireInSeconds: 15 * 60,
})
