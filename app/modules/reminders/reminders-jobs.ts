// The reminders module's job contract (docs/decisions/018); the handler is app/jobs/send-claim-reminders.server.ts.
import { z } from 'zod'
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/** E-mails the day's payment reminders of one town (started hourly by the scheduler). */
export const sendClaimRemindersJob = defineJobContract({
	name: 'send-claim-reminders',
	// `today` only for tests and a manual catch-up; normally the day in Prague when the job runs.
	schema: TenantJobSchema.extend({ today: z.iso.date().optional() }),
	// Safe to retry: a reminder already recorded is not sent again.
	retry: { limit: 3, delaySeconds: 300 },
	batchSize: 1,
	expireInSeconds: 30 * 60,
})
