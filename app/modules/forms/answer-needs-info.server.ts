import { ForbiddenError, asSubject, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { recordNeedsInfoMessage } from '../messages/submission-thread.server'
import { transitionSubmission } from '../submissions/submission-states'
import type { CheckedUpload } from './check-upload.server'

type Files = (CheckedUpload & { fieldName: string })[]
type Options = { db: TenantDb; ability: AppAbility; submissionId: string; personId: string; message: string; files: Files }

/**
 * The citizen answers the office's request for more information: the message and files join the
 * submission and its timeline, and an answer_outbox row (same transaction) sends them on to the
 * records system. Only while the submission is in needs_info; it becomes answered, and the records
 * system (or clerk) moves it on.
 */
export async function answerNeedsInfo({ db, ability, submissionId, personId, message, files }: Options) {
	const submission = await db.submission.findUniqueOrThrow({
		where: { id: submissionId },
		select: { id: true, personId: true, status: true, agenda: true, person: { select: { givenName: true, familyName: true } } },
	})
	ForbiddenError.from(ability).throwUnlessCan('update', asSubject('Submission', submission as never))
	if (submission.personId !== personId) throw new AppError('input_invalid', 'This submission is not waiting for more information.')
	await recordNeedsInfoAnswer({
		db,
		submissionId,
		authorName: submission.person ? `${submission.person.givenName} ${submission.person.familyName}` : null,
		message,
		files,
	})
}

/**
 * The answer itself, for a logged-in citizen (above) or an anonymous submitter holding the
 * submission's follow-up link (the caller has checked the link). Refused unless still needs_info.
 */
export async function recordNeedsInfoAnswer({
	db,
	submissionId,
	authorName,
	message,
	files,
}: {
	db: TenantDb
	submissionId: string
	authorName: string | null
	message: string
	files: Files
}) {
	await db.$transaction(async (tx) => {
		// The state machine locks the row, so two answers (two tabs) cannot both pass the status check;
		// the submission becomes "answered" (Doplněno) for the citizen and the clerk alike.
		const moved = await transitionSubmission(tx, {
			submissionId,
			to: 'answered',
			mover: 'citizen',
			event: { kind: 'answered', message, actor: 'citizen', actorName: authorName, isVisibleToCitizen: true },
			quiet: true,
		})
		if (!moved.ok) throw new AppError('input_invalid', 'This submission is not waiting for more information.')
		const event = { id: moved.eventId }
		for (const { content, ...file } of files)
			await tx.submissionAttachment.create({ data: { submissionId, ...file, content: new Uint8Array(content), eventId: event.id } })
		await tx.answerOutbox.create({ data: { submissionId, eventId: event.id } })
		// The answer is also the citizen's message in the submission's conversation (decision 023); its
		// files stay with the submission (they go to the records system with the answer) and are linked by the event.
		await recordNeedsInfoMessage(tx, { submissionId, eventId: event.id, author: { kind: 'citizen', name: authorName ?? '' }, body: message })
	})
}
