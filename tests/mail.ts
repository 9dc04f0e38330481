// E-mail in integration tests: the SMTP capture server (simulators/smtp) as the app's mail transport and
// the job queue worked in this process, so enqueueEmail() ends in a parsed message a test can read.
import { pino } from 'pino'
import { startMailCapture, type MailCapture } from '../simulators/smtp/mail-capture'
import { allJobHandlers } from '../app/jobs/handlers.server'
import { getPool } from '../app/modules/db/pool.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { setSmtpUrl } from '../app/modules/mail/mail-transport.server'

export async function startMailAndJobs(): Promise<MailCapture> {
	const capture = await startMailCapture()
	setSmtpUrl(capture.url)
	await startJobs({ pool: getPool(), log: pino({ level: 'silent' }), work: true, jobs: allJobHandlers, pollingIntervalSeconds: 0.5 })
	return capture
}

export async function stopMailAndJobs(capture: MailCapture | undefined) {
	await stopJobs()
	setSmtpUrl(null)
	await capture?.close()
}
