import { z } from 'zod'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJob, TenantJobSchema } from '../modules/jobs/define-job'
import { reminderQr } from '../modules/reminders/claim-qr.server'
import { pragueToday } from '../modules/dates/prague-date'
import { sendClaimReminders } from '../modules/reminders/send-claim-reminders.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** E-mails the day's payment reminders of one town (started daily by the sweeper). */
export const sendClaimRemindersJob = defineJob({
	name: 'send-claim-reminders',
	// `today` only for tests and a manual catch-up; normally the day in Prague when the job runs.
	schema: TenantJobSchema.extend({ today: z.iso.date().optional() }),
	// Safe to retry: a reminder already recorded is not sent again.
	retry: { limit: 3, delaySeconds: 300 },
	batchSize: 1,
	expireInSeconds: 30 * 60,
	async handle({ today }, { tenant }) {
		const db = getTenantDb(tenant)
		return sendClaimReminders({
			db,
			tenantSlug: tenant.slug,
			townOrigin: townOrigin(tenant.primaryHost),
			today: today ?? pragueToday(),
			qrFor: (claim, day) => reminderQr({ db, slug: tenant.slug, claimId: claim.id, personId: claim.personId, now: new Date(`${day}T12:00:00Z`) }),
		})
	},
})
