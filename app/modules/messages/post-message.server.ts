import type { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import type { CheckedUpload } from '../forms/check-upload.server'
import { notify } from '../notifications/notify.server'
import { transitionThread } from './message-states'

type Author = { kind: 'citizen'; name: string } | { kind: 'staff'; staffId: string; name: string; isInternal: boolean }

type Options = {
	threadId: string
	author: Author
	body: string
	files?: CheckedUpload[]
	/** The submission timeline event this message is (a needs-info question or answer), if any. */
	submissionEventId?: bigint
	ip?: string | null
	requestId?: string | null
	now?: Date
}

/**
 * Adds a message to a thread inside the caller's transaction and moves the thread on: a citizen's
 * message makes the office owe an answer, a clerk's reply makes the citizen owe one (and notifies
 * them once), an internal note changes nothing the citizen can see.
 */
export async function postMessageInTx(
	tx: Prisma.TransactionClient,
	{ threadId, author, body, files = [], submissionEventId, ip, requestId, now = new Date() }: Options,
) {
	const isInternal = author.kind === 'staff' && author.isInternal
	if (!isInternal) {
		const to = author.kind === 'citizen' ? 'waiting_for_office' : 'waiting_for_citizen'
		const moved = await transitionThread(tx, { threadId, to, actor: author.kind === 'citizen' ? 'citizen' : `staff:${author.staffId}`, now })
		if (!moved.ok) throw new AppError('input_invalid', `The thread cannot take a message (${moved.reason}).`)
	}
	const message = await tx.threadMessage.create({
		data: {
			threadId,
			author: author.kind,
			authorName: author.name,
			body,
			isInternal,
			createdAt: now,
			submissionEventId: submissionEventId ?? null,
			...(author.kind === 'staff' ? { staffUserId: author.staffId } : {}),
		},
		select: { id: true },
	})
	for (const { content, ...file } of files) await tx.threadAttachment.create({ data: { messageId: message.id, ...file, content: new Uint8Array(content) } })
	if (isInternal) return message
	const thread = await tx.messageThread.update({
		where: { id: threadId },
		data: { lastMessageAt: now, ...(author.kind === 'citizen' ? { citizenReadAt: now } : {}) },
		select: { personId: true, subject: true },
	})
	if (author.kind === 'staff') {
		await recordAudit(tx, { action: 'message.replied', staffId: author.staffId, subject: `MessageThread:${threadId}`, ip, requestId })
		if (thread.personId)
			await notify(tx, {
				personId: thread.personId,
				kind: 'message_reply',
				eventKey: `thread-message:${message.id}`,
				link: `/zpravy/${threadId}`,
				params: { subject: thread.subject },
			})
	}
	return message
}

export async function postMessage(db: TenantDb, options: Options) {
	return db.$transaction((tx) => postMessageInTx(tx, options))
}
