// The official board's job contract (docs/decisions/018); the handler is app/jobs/board-daily.server.ts.
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/**
 * The board's clock (decision 015): posts and expires documents by their dates and fingerprints
 * each finished day. Idempotent: the hourly schedule may start it as often as it likes.
 */
export const boardDailyJob = defineJobContract({
	name: 'board-daily',
	schema: TenantJobSchema,
	retry: { limit: 3, delaySeconds: 60 },
	batchSize: 1,
})
