import { defineJobHandler } from '../modules/jobs/define-job'
import { sendEmailJob } from '../modules/mail/mail-jobs'
import { deliverEmail } from '../modules/mail/deliver-email.server'

/** One e-mail from a town (see app/modules/mail). An SMTP server that is down is retried for one to two hours. */
export const sendEmailJobHandler = defineJobHandler(sendEmailJob, async (email, { tenant, jobId, log }) => {
	const { messageId } = await deliverEmail({ tenant, email, jobId })
	log.info({ template: email.template, locale: email.locale, messageId }, 'e-mail sent')
	return { messageId }
})
