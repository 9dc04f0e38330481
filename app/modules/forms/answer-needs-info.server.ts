import { ForbiddenError, asSubject, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { recordNeedsInfoMessage } from '../messages/submission-thread.server'
import type { CheckedUpload } from './check-upload.server'

type Options = { db: TenantDb; ability: AppAbility; submissionId: string; personId: string; message: string; files: (CheckedUpload & { fieldName: string })[] }

/**
 * The citizen answers the office's request for more information: the message and files join the
 * submission and its timeline, and an answer_outbox row (same transaction) sends them on to the
 * records system. Only while the submission is in needs_info; the records system (or clerk) moves it on.
 */
export async function answerNeedsInfo({ db, ability, submissionId, personId, message, files }: Options) {
	const submission = await db.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { id: true, personId: true, status: true, agenda: true, person: { select: { givenName: true, familyName: true } } } })
	ForbiddenError.from(ability).throwUnlessCan('update', asSubject('Submission', submission as never))
	if (submission.personId !== personId || submission.status !== 'needs_info') throw new AppError('input_invalid', 'This submission is not waiting for more information.')
	await db.$transaction(async (tx) => {
		const event = await tx.submissionEvent.create({ data: { submissionId, kind: 'answered', message, actor: 'citizen', isVisibleToCitizen: true }, select: { id: true } })
		for (const { content, ...file } of files) await tx.submissionAttachment.create({ data: { submissionId, ...file, content: new Uint8Array(content), eventId: event.id } })
		await tx.answerOutbox.create({ data: { submissionId, eventId: event.id } })
		// The answer is also the citizen's message in the submission's conversation (decision 023); its
		// files stay with the submission (they go to the records system with the answer) and are linked by the event.
		await recordNeedsInfoMessage(tx, { submissionId, eventId: event.id, author: { kind: 'citizen', name: submission.person ? `${submission.person.givenName} ${submission.person.familyName}` : '' }, body: message })
	})
}
