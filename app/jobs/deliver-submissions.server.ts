import { getTenantDb } from '../modules/db/tenant-db.server'
import { drainAnswerOutbox } from '../modules/delivery/drain-answer-outbox.server'
import { drainOutbox } from '../modules/delivery/drain-outbox.server'
import { getTownConnector } from '../modules/delivery/town-records-config.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { deliverSubmissionsJob } from '../modules/delivery/delivery-jobs'
import { drainThreadFilings } from '../modules/messages/deliver-thread-filing.server'
import { getTownProfile } from '../modules/tenancy/town-profile.server'

/**
 * Delivers the town's due submissions from the outbox (transactional outbox, issue 6), then the
 * citizens' due needs-info answers (answer_outbox), then the conversations clerks filed (thread_filing). The outbox row
 * keeps each submission's own retry schedule (48 h), so this job is not retried itself: the
 * delivery sweeper starts it again while anything is due.
 */
export const deliverSubmissionsJobHandler = defineJobHandler(deliverSubmissionsJob, async (_payload, { tenant, log }) => {
	const db = getTenantDb(tenant)
	const connector = await getTownConnector(db, tenant.slug)
	if (!connector) return { skipped: 'no records: section in the blueprint' }
	const profile = await getTownProfile(tenant)
	const { outcomes, nextDueAt } = await drainOutbox({ db, town: { slug: tenant.slug, name: profile.name }, connector })
	// Answers after submissions: an answer whose submission was filed in this run can follow at once.
	const answers = await drainAnswerOutbox({ db, town: { slug: tenant.slug, name: profile.name }, connector })
	const filings = await drainThreadFilings({ db, town: { slug: tenant.slug, name: profile.name }, connector })
	for (const o of [...outcomes, ...answers]) {
		if (o.outcome === 'failed') log.error({ submissionId: o.submissionId, error: o.error }, 'delivery failed for good; admins alerted')
		else if (o.outcome === 'retry') log.warn({ submissionId: o.submissionId, error: o.error, nextAttemptAt: o.nextAttemptAt }, 'delivery will be retried')
	}
	for (const o of filings) {
		if (o.outcome === 'failed') log.error({ threadId: o.threadId, error: o.error }, 'filing a conversation failed for good; shown on the thread')
		else if (o.outcome === 'retry') log.warn({ threadId: o.threadId, error: o.error, nextAttemptAt: o.nextAttemptAt }, 'filing a conversation will be retried')
	}
	return {
		answers: answers.filter((o) => o.outcome === 'delivered').length,
		filings: filings.filter((o) => o.outcome === 'delivered').length,
		delivered: outcomes.filter((o) => o.outcome === 'delivered').length,
		retry: outcomes.filter((o) => o.outcome === 'retry').length,
		failed: outcomes.filter((o) => o.outcome === 'failed').length,
		nextDueAt,
	}
})
