import { defineJob } from '../modules/jobs/define-job'
import { deliverEmail } from '../modules/mail/deliver-email.server'
import { EmailJobSchema } from '../modules/mail/email-schema'

/** One e-mail from a town (see app/modules/mail). An SMTP server that is down is retried for one to two hours. */
export const sendEmailJob = defineJob({
	name: 'send-email',
	schema: EmailJobSchema,
	retry: { limit: 7, delaySeconds: 30, backoff: true },
	batchSize: 5,
	expireInSeconds: 120,
	async handle(email, { tenant, jobId, log }) {
		const { messageId } = await deliverEmail({ tenant, email, jobId })
		log.info({ template: email.template, locale: email.locale, messageId }, 'e-mail sent')
		return { messageId }
	},
})
