// The lifecycle of one text (issue 15): queued -> sent | failed. Only these functions change
// sms_message.state; each changes a row still queued, so a retried job never sends or counts twice.
import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'

export const SMS_STATES = ['queued', 'sent', 'failed'] as const
export type SmsState = (typeof SMS_STATES)[number]

const TRANSITIONS: Record<SmsState, readonly SmsState[]> = { queued: ['sent', 'failed'], sent: [], failed: [] }

export function canTransitionSms(from: SmsState, to: SmsState) {
	return TRANSITIONS[from].includes(to)
}

type Db = TenantDb | Prisma.TransactionClient

/** queued -> sent; counts the text on its announcement. Returns false when it was no longer queued. */
export async function markSmsSent(
	db: TenantDb,
	{ id, provider, providerMessageId, parts, at = new Date() }: { id: string; provider: string; providerMessageId: string | null; parts: number; at?: Date },
) {
	return db.$transaction(async (tx) => {
		const { count } = await tx.smsMessage.updateMany({
			where: { id, state: 'queued' },
			data: { state: 'sent' satisfies SmsState, provider, providerMessageId, parts, finishedAt: at, error: null },
		})
		if (count === 1) await countOnAnnouncement(tx, id, 'texted')
		return count === 1
	})
}

/** queued -> failed with the reason; counts the failure on its announcement. */
export async function markSmsFailed(db: TenantDb, { id, error, at = new Date() }: { id: string; error: string; at?: Date }) {
	return db.$transaction(async (tx) => {
		const { count } = await tx.smsMessage.updateMany({ where: { id, state: 'queued' }, data: { state: 'failed' satisfies SmsState, error, finishedAt: at } })
		if (count === 1) await countOnAnnouncement(tx, id, 'failed')
		return count === 1
	})
}

async function countOnAnnouncement(tx: Db, smsId: string, field: 'texted' | 'failed') {
	const row = await tx.smsMessage.findUnique({ where: { id: smsId }, select: { announcementId: true } })
	if (row?.announcementId) await tx.announcement.update({ where: { id: row.announcementId }, data: { [field]: { increment: 1 } } })
}
