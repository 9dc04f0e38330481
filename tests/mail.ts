// E-mail in integration tests: the SMTP capture server (simulators/smtp) as the app's mail transport and
// the job queue worked in this process, so enqueueEmail() ends in a parsed message a test can read.
import { pino } from 'pino'
import { startMailCapture, type MailCapture } from '../simulators/smtp/mail-capture'
import { allJobHandlers } from '../app/jobs/handlers.server'
import { getPool } from '../app/modules/db/pool.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { sendEmailJob } from '../app/modules/mail/mail-jobs'
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

/**
 * The e-mails on the job queue (queued, being sent or sent), newest last. Enqueueing is awaited by
 * whoever sends, so "nothing was sent" is a count of these right after the call, with no waiting.
 */
export async function queuedEmails(): Promise<{ to: string; template: string }[]> {
	const { rows } = await getPool().query<{ to: string; template: string }>(
		`SELECT data->>'to' AS "to", data->>'template' AS template FROM pgboss.job WHERE name = $1 ORDER BY created_on, id`,
		[sendEmailJob.name],
	)
	return rows
}
