// The claims module's job contract (docs/decisions/018); the handler is app/jobs/generate-claims.server.ts.
import { z } from 'zod'
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/** Generates a year's claims for the office's "generate claims" button, writing progress to its run. */
export const generateClaimsJob = defineJobContract({
	name: 'generate-claims',
	schema: TenantJobSchema.extend({ runId: z.uuid() }),
	// Generation is idempotent, but a failure (e.g. a missing rate) needs the admin, not a retry.
	retry: { limit: 0 },
	batchSize: 1,
	expireInSeconds: 30 * 60,
})
