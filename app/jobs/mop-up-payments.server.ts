import { getTenantDb } from '../modules/db/tenant-db.server'
import { defineJobHandler } from '../modules/jobs/define-job'
import { mopUpPaymentsJob } from '../modules/payments/payments-jobs'
import { mopUpPayments } from '../modules/payments/mop-up-payments.server'
import { afterSettled } from '../modules/payments/send-payment-receipt.server'
import { townOrigin } from '../modules/tenancy/town-origin.server'

/** Settles or expires the town's card payments left pending (app/modules/payments/mop-up-payments.server.ts). */
export const mopUpPaymentsJobHandler = defineJobHandler(mopUpPaymentsJob, async (_payload, { tenant, log }) => {
	const db = getTenantDb(tenant)
	const summary = await mopUpPayments({ db })
	for (const paymentId of summary.credited) {
		await afterSettled({ db, townSlug: tenant.slug, townOrigin: townOrigin(tenant.primaryHost), outcome: 'credited', paymentId, log: (message) => log.warn(message) })
	}
	return summary
})
