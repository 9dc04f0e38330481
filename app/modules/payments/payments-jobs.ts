// The payments module's job contract (docs/decisions/018); the handler is app/jobs/mop-up-payments.server.ts.
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/** Settles or expires the town's card payments left pending (mop-up-payments.server.ts). */
export const mopUpPaymentsJob = defineJobContract({
	name: 'mop-up-payments',
	schema: TenantJobSchema,
	retry: { limit: 0 },
	batchSize: 1,
	expireInSeconds: 10 * 60,
})
