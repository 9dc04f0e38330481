// Starts the periodic jobs: payment reminders (hourly), the card-payment mop-up, the statistics refresh (hourly) and the delivery jobs: every town with a due outbox row gets a deliver-submissions job, every
// town on a polled records system a poll-records-status job now and then. The outbox row is written
// with the submission (same transaction), and this sweep is what turns it into work, so a submission
// filed while the queue or the records system was down is still delivered later.
import type { Logger } from 'pino'
import { boardDailyJob } from '../../jobs/board-daily.server'
import { deliverSubmissionsJob } from '../../jobs/deliver-submissions.server'
import { pollRecordsStatusJob } from '../../jobs/poll-records-status.server'
import { refreshTownHealthJob } from '../../jobs/refresh-town-health.server'
import { sendClaimRemindersJob } from '../../jobs/send-claim-reminders.server'
import { getPlatformDb } from '../db/platform-db.server'
import { getTenantDb } from '../db/tenant-db.server'
import { enqueueJob } from '../jobs/enqueue.server'
import { mopUpPaymentsJob } from '../../jobs/mop-up-payments.server'
import { hasPaymentsToMopUp } from '../payments/mop-up-payments.server'
import { isStatisticsRefreshDue, requestStatisticsRefresh } from '../statistics/request-statistics-refresh.server'
import { getTownRecordsConfig } from './town-records-config.server'

export type SweeperOptions = { log: Logger; intervalMs?: number; pollEveryMs?: number; remindersEveryMs?: number }

export async function sweepOnce({ log, pollDue, remindersDue = false }: { log: Logger; pollDue: boolean; remindersDue?: boolean }) {
	const tenants = await getPlatformDb().tenant.findMany({ where: { status: 'active' }, select: { id: true, slug: true } })
	for (const tenant of tenants) {
		try {
			const db = getTenantDb(tenant)
			const due =
				(await db.deliveryOutbox.findFirst({ where: { state: 'pending', nextAttemptAt: { lte: new Date() } }, select: { id: true } })) ??
				(await db.answerOutbox.findFirst({ where: { state: 'pending', nextAttemptAt: { lte: new Date() } }, select: { id: true } }))
			if (due) await enqueueJob(deliverSubmissionsJob, { tenantSlug: tenant.slug })
			if (pollDue && (await getTownRecordsConfig(db))?.kind === 'ginis') await enqueueJob(pollRecordsStatusJob, { tenantSlug: tenant.slug })
			// Payment reminders: once an hour is plenty (each reminder is sent once; the job is cheap when none is due).
			if (remindersDue) await enqueueJob(sendClaimRemindersJob, { tenantSlug: tenant.slug })
			// The official board's states and daily fingerprint (decision 015): hourly too, so a new day is caught within the hour.
			if (remindersDue) await enqueueJob(boardDailyJob, { tenantSlug: tenant.slug })
			// Card payments left pending (issue 5): checked on the same slower beat as records polling.
			if (pollDue && (await hasPaymentsToMopUp(db))) await enqueueJob(mopUpPaymentsJob, { tenantSlug: tenant.slug })
			// Town statistics (decision 017): the summary rows are recomputed once they are an hour old.
			if (pollDue && (await isStatisticsRefreshDue(db))) await requestStatisticsRefresh({ db, tenantSlug: tenant.slug })
			// The vendor console's town health row (decision 024), on the 5-minute beat.
			if (pollDue) await enqueueJob(refreshTownHealthJob, { tenantSlug: tenant.slug })
		} catch (error) {
			log.warn({ err: error, tenant: tenant.slug }, 'delivery sweep skipped a town')
		}
	}
}

/** Runs the sweep every intervalMs (default 30 s) in a process that works jobs; returns a stop function. */
export function startDeliverySweeper({ log, intervalMs = 30_000, pollEveryMs = 5 * 60_000, remindersEveryMs = 60 * 60_000 }: SweeperOptions) {
	let lastPoll = 0
	let lastReminders = 0
	let running = false
	const tick = async () => {
		if (running) return
		running = true
		const pollDue = Date.now() - lastPoll >= pollEveryMs
		if (pollDue) lastPoll = Date.now()
		const remindersDue = Date.now() - lastReminders >= remindersEveryMs
		if (remindersDue) lastReminders = Date.now()
		await sweepOnce({ log, pollDue, remindersDue })
			.catch((error: unknown) => log.warn({ err: error }, 'delivery sweep failed; trying again at the next interval'))
			.finally(() => (running = false))
	}
	const timer = setInterval(() => void tick(), intervalMs)
	timer.unref()
	void tick()
	return () => clearInterval(timer)
}
