// The mail module's job contract (docs/decisions/018): enqueue with enqueueEmail; the handler is
// app/jobs/send-email.server.ts.
import { defineJobContract } from '../jobs/define-job'
import { EmailJobSchema } from './email-schema'

/** One e-mail from a town. An SMTP server that is down is retried for one to two hours. */
export const sendEmailJob = defineJobContract({
	name: 'send-email',
	schema: EmailJobSchema,
	retry: { limit: 7, delaySeconds: 30, backoff: true },
	batchSize: 5,
	expireInSeconds: 120,
})
