import type { Prisma } from '../../generated/tenant/client'
import { postMessageInTx } from './post-message.server'

type Author = Parameters<typeof postMessageInTx>[1]['author']

/**
 * The submission's conversation, created on its first question: topic = the submission's agenda (so
 * the same clerks see it), subject = its number. Then the question or answer joins it as a message
 * linked to its timeline event; the answer outbox to the records system keeps working off that event.
 */
export async function recordNeedsInfoMessage(
	tx: Prisma.TransactionClient,
	{ submissionId, eventId, author, body, now = new Date() }: { submissionId: string; eventId: bigint; author: Author; body: string; now?: Date },
) {
	const submission = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { number: true, agenda: true, personId: true } })
	const thread = await tx.messageThread.upsert({
		where: { submissionId },
		create: {
			submissionId,
			personId: submission.personId,
			topic: submission.agenda,
			subject: submission.number,
			state: 'waiting_for_office',
			waitingSince: now,
			createdAt: now,
			lastMessageAt: now,
		},
		update: {},
		select: { id: true },
	})
	await postMessageInTx(tx, { threadId: thread.id, author, body, submissionEventId: eventId, now })
	return thread
}
