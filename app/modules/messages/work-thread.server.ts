import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { transitionThread, type ThreadState } from './message-states'

type Meta = { ip?: string | null; requestId?: string | null }

/** Assigns a thread to a colleague who works its topic (or an admin), or to nobody. Audited. */
export async function assignThread({
	db,
	threadId,
	topic,
	assigneeId,
	staffId,
	ip,
	requestId,
}: { db: TenantDb; threadId: string; topic: string; assigneeId: string | null; staffId: string } & Meta) {
	if (assigneeId) {
		const colleague = await db.staffUser.findFirst({
			where: { id: assigneeId, disabledAt: null, OR: [{ submissionAgendas: { has: topic } }, { roles: { has: 'admin' } }] },
			select: { id: true },
		})
		if (!colleague) throw new AppError('input_invalid', 'That colleague does not work this topic.')
	}
	await db.$transaction(async (tx) => {
		await tx.messageThread.update({ where: { id: threadId }, data: { assignedStaffId: assigneeId } })
		await recordAudit(tx, { action: 'message.assigned', staffId, subject: `MessageThread:${threadId}`, details: { assigneeId }, ip, requestId })
	})
}

/** Close, or reopen (the office then owes the next word). Audited; a refused transition changes nothing. */
export async function setThreadOpen({ db, threadId, open, staffId, ip, requestId }: { db: TenantDb; threadId: string; open: boolean; staffId: string } & Meta) {
	const to: ThreadState = open ? 'waiting_for_office' : 'closed'
	await db.$transaction(async (tx) => {
		const moved = await transitionThread(tx, { threadId, to, actor: `staff:${staffId}` })
		if (!moved.ok || (moved.from === 'closed') === !open) throw new AppError('input_invalid', `The thread cannot be ${open ? 'reopened' : 'closed'}.`)
		await recordAudit(tx, { action: open ? 'message.reopened' : 'message.closed', staffId, subject: `MessageThread:${threadId}`, ip, requestId })
	})
}
