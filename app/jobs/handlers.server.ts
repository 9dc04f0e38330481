// Every job handler the app has: the one list a process that works jobs passes to startJobs (server.ts,
// worker.ts). Only entry points import this file; application code enqueues by the job's contract
// (app/modules/<module>/<module>-jobs.ts) and so never loads a handler (docs/decisions/018).
// A new job: add its contract file, its handler here, and a row in app/jobs/schedule.server.ts if it runs on a clock.
import { boardDailyJobHandler } from './board-daily.server'
import { deliverSubmissionsJobHandler } from './deliver-submissions.server'
import { generateClaimsJobHandler } from './generate-claims.server'
import { mopUpPaymentsJobHandler } from './mop-up-payments.server'
import { pollRecordsStatusJobHandler } from './poll-records-status.server'
import { refreshStatisticsJobHandler } from './refresh-statistics.server'
import { refreshTownHealthJobHandler } from './refresh-town-health.server'
import { sendAnnouncementJobHandler } from './send-announcement.server'
import { sendClaimRemindersJobHandler } from './send-claim-reminders.server'
import { sendEmailJobHandler } from './send-email.server'
import { sendSmsJobHandler } from './send-sms.server'

export const allJobHandlers = [
	sendEmailJobHandler,
	deliverSubmissionsJobHandler,
	pollRecordsStatusJobHandler,
	generateClaimsJobHandler,
	sendClaimRemindersJobHandler,
	mopUpPaymentsJobHandler,
	boardDailyJobHandler,
	refreshStatisticsJobHandler,
	refreshTownHealthJobHandler,
	sendAnnouncementJobHandler,
	sendSmsJobHandler,
] as const
