import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { deliverSms } from '../modules/sms/deliver-sms.server'
import { sendSmsJob } from '../modules/sms/sms-jobs'

/** One text through the town's SMS provider (app/modules/sms); retried while the gateway may recover. */
export const sendSmsJobHandler = defineJobHandler(sendSmsJob, async (payload, { tenant, attempt, log }) => {
	const result = await deliverSms({ db: getTenantDb(tenant), smsMessageId: payload.smsMessageId, isLastAttempt: attempt > sendSmsJob.retry.limit })
	log.info({ smsMessageId: payload.smsMessageId, state: result.state }, 'sms handled')
	return result
})
