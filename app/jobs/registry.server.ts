// Every job the app runs: name -> payload schema -> handler (each defined with defineJob in its own
// file here). A process that works jobs (the worker, the demo, development) works all of these.
import { boardDailyJob } from './board-daily.server'
import { deliverSubmissionsJob } from './deliver-submissions.server'
import { generateClaimsJob } from './generate-claims.server'
import { mopUpPaymentsJob } from './mop-up-payments.server'
import { pollRecordsStatusJob } from './poll-records-status.server'
import { refreshStatisticsJob } from './refresh-statistics.server'
import { refreshTownHealthJob } from './refresh-town-health.server'
import { sendClaimRemindersJob } from './send-claim-reminders.server'
import { sendEmailJob } from './send-email.server'

export const allJobs = [sendEmailJob, deliverSubmissionsJob, pollRecordsStatusJob, generateClaimsJob, sendClaimRemindersJob, mopUpPaymentsJob, boardDailyJob, refreshStatisticsJob, refreshTownHealthJob] as const

export type RegisteredJob = (typeof allJobs)[number]
export type JobName = RegisteredJob['name']
