import { randomUUID } from 'node:crypto'
import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { enqueueJob, enqueueJobsInTransaction, wakeJobs } from '../jobs/enqueue.server'
import { prepareSmsText } from './gsm7'
import { sendSmsJob } from './sms-jobs'

export type SmsPurpose = 'phone_code' | 'notification' | 'announcement'

export type QueuedSms = { personId: string | null; phone: string; text: string; purpose: SmsPurpose; announcementId?: string | null }

/** The sms_message rows for these texts (GSM-7, limited) and their ids, to enqueue in the same transaction. */
export function planSms(texts: readonly QueuedSms[]) {
	return texts.map((sms) => ({
		id: randomUUID(),
		personId: sms.personId,
		phone: sms.phone,
		text: prepareSmsText(sms.text).text,
		purpose: sms.purpose,
		announcementId: sms.announcementId ?? null,
	}))
}

/** Stores the texts and queues their jobs inside an open transaction: both commit or neither. */
export async function queueSmsInTransaction(tx: Prisma.TransactionClient, tenantSlug: string, rows: ReturnType<typeof planSms>) {
	if (!rows.length) return 0
	await tx.smsMessage.createMany({ data: rows })
	const { ids } = await enqueueJobsInTransaction(
		tx,
		sendSmsJob,
		rows.map((row) => ({ id: row.id, payload: { tenantSlug, smsMessageId: row.id } })),
	)
	return ids.size
}

/** One text outside a transaction: the row, then its job (a row whose job was lost stays queued and visible). */
export async function queueSms(db: TenantDb, tenantSlug: string, sms: QueuedSms) {
	const [row] = planSms([sms])
	await db.smsMessage.create({ data: row! })
	await enqueueJob(sendSmsJob, { tenantSlug, smsMessageId: row!.id })
	wakeJobs(sendSmsJob)
	return row!.id
}
