// What runs on a clock, for every active town: job, how often its due rule is looked at, and the rule.
// Run by app/modules/jobs/scheduler.server.ts from the entry points (server.ts, worker.ts), every 30 s
// (5 s in the demo). A job that must run on a clock gets a row here (docs/decisions/018).
import { boardDailyJob } from '../modules/board/board-jobs'
import { deliverSubmissionsJob, pollRecordsStatusJob } from '../modules/delivery/delivery-jobs'
import { getTownRecordsConfig } from '../modules/delivery/town-records-config.server'
import type { ScheduleRow } from '../modules/jobs/scheduler.server'
import { hasPaymentsToMopUp } from '../modules/payments/mop-up-payments.server'
import { mopUpPaymentsJob } from '../modules/payments/payments-jobs'
import { getPool } from '../modules/db/pool.server'
import { refreshAllTownHealth } from '../modules/platform-health/collect-town-health.server'
import { sendClaimRemindersJob } from '../modules/reminders/reminders-jobs'
import { refreshStatisticsJob } from '../modules/statistics/statistics-jobs'
import { isStatisticsRefreshDue, requestStatisticsRefresh } from '../modules/statistics/request-statistics-refresh.server'

const MINUTE = 60_000

export const schedule: readonly ScheduleRow[] = [
	// Transactional outbox (issue 6): the outbox row is written with the submission (or the citizen's
	// answer, or a clerk's filing of a conversation) in one transaction, and this is what turns it into work, so a submission filed while the
	// queue or the records system was down is still delivered later.
	{
		job: deliverSubmissionsJob,
		everyMs: 0,
		due: async ({ db, now }) =>
			Boolean(
				(await db.deliveryOutbox.findFirst({ where: { state: 'pending', nextAttemptAt: { lte: now } }, select: { id: true } })) ??
				(await db.answerOutbox.findFirst({ where: { state: 'pending', nextAttemptAt: { lte: now } }, select: { id: true } })) ??
				(await db.threadFiling.findFirst({ where: { state: 'pending', nextAttemptAt: { lte: now } }, select: { id: true } })),
			),
	},
	// GINIS sends no callbacks: its statuses are read now and then.
	{ job: pollRecordsStatusJob, everyMs: 5 * MINUTE, due: async ({ db }) => (await getTownRecordsConfig(db))?.kind === 'ginis' },
	// Payment reminders: once an hour is plenty (each reminder is sent once; the job is cheap when none is due).
	{ job: sendClaimRemindersJob, everyMs: 60 * MINUTE },
	// The official board's states and daily fingerprint (decision 015): hourly, so a new day is caught within the hour.
	{ job: boardDailyJob, everyMs: 60 * MINUTE },
	// Card payments left pending (issue 5).
	{ job: mopUpPaymentsJob, everyMs: 5 * MINUTE, due: async ({ db, now }) => Boolean(await hasPaymentsToMopUp(db, now)) },
	// Town statistics (decision 017): the summary rows are recomputed once they are an hour old;
	// started through requestStatisticsRefresh so the office page shows the refresh as queued.
	{
		job: refreshStatisticsJob,
		everyMs: 5 * MINUTE,
		due: ({ db, now }) => isStatisticsRefreshDue(db, now),
		start: ({ db, tenant }) => requestStatisticsRefresh({ db, tenantSlug: tenant.slug }),
	},
	// The vendor console's town health rows (decision 024): every town in one batch, not a job per town.
	{ name: 'refresh-town-health (all towns)', everyMs: 5 * MINUTE, run: () => refreshAllTownHealth(getPool()) },
]
