import { enqueueJob, type EnqueueOptions } from '../jobs/enqueue.server'
import { sendEmailJob } from './mail-jobs'
import type { EmailJob } from './email-schema'

/**
 * The only way application code sends e-mail: puts a send-email job on the queue and returns its id.
 * The job renders the template in the town's look and sends it, with retries, outside any request.
 * A bad address, template, locale or template data is refused here (AppError job_payload_invalid).
 */
export function enqueueEmail(email: EmailJob, options?: EnqueueOptions) {
	return enqueueJob(sendEmailJob, email, options)
}
