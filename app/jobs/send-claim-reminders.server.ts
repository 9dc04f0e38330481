import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { sendClaimRemindersJob } from '../modules/reminders/reminders-jobs'
import { reminderQr } from '../modules/reminders/claim-qr.server'
import { pragueToday } from '../modules/dates/prague-date'
import { sendClaimReminders } from '../modules/reminders/send-claim-reminders.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** E-mails the day's payment reminders of one town (started daily by the sweeper). */
export const sendClaimRemindersJobHandler = defineJobHandler(sendClaimRemindersJob, async ({ today }, { tenant }) => {
	const db = getTenantDb(tenant)
	return sendClaimReminders({
		db,
		tenantSlug: tenant.slug,
		townOrigin: townOrigin(tenant.primaryHost),
		today: today ?? pragueToday(),
		qrFor: (claim, day) => reminderQr({ db, slug: tenant.slug, claimId: claim.id, personId: claim.personId, now: new Date(`${day}T12:00:00Z`) }),
	})
})
