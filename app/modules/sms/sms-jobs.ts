// The SMS module's job contract (docs/decisions/018); the handler is app/jobs/send-sms.server.ts.
import { z } from 'zod'
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/** One text (sms_message row). A gateway that is down or out of credit is retried for about half an hour. */
export const sendSmsJob = defineJobContract({
	name: 'send-sms',
	schema: TenantJobSchema.extend({ smsMessageId: z.uuid() }),
	retry: { limit: 5, delaySeconds: 30, backoff: true },
	batchSize: 50,
	expireInSeconds: 120,
})
