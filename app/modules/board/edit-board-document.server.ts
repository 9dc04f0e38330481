import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { boardNow, dateToDay, dayToDate, pragueDay } from './board-clock.server'
import type { BoardDocumentInput } from './board-document-schema'
import { BoardInputError } from './board-error'
import type { BoardPdf } from './check-board-pdf.server'

type Options = {
	db: TenantDb
	documentId: string
	input: BoardDocumentInput
	files: BoardPdf[]
	/** Attachments to leave out of the new version (they stay stored, and in the old versions). */
	dropAttachmentIds?: string[]
	staffId: string
	staffName: string
	meta: { ip: string | null; requestId: string | null }
	now?: Date
}

/**
 * Edits a planned or posted document as a new version; every earlier version stays readable (the
 * public detail shows the history). Once posted, the first day is history and cannot move; the last
 * day may move, but not into the past (removing early needs a reason: removeBoardDocument).
 */
export async function editBoardDocument({ db, documentId, input, files, dropAttachmentIds = [], staffId, staffName, meta, now = boardNow() }: Options) {
	const today = pragueDay(now)
	return db.$transaction(async (tx) => {
		await tx.boardDocument.updateMany({ where: { id: documentId }, data: { updatedAt: now } })
		const current = await tx.boardDocument.findUnique({
			where: { id: documentId },
			select: { state: true, version: true, postedFrom: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { attachmentIds: true } } },
		})
		if (!current) throw new BoardInputError('errors.notFound')
		if (current.state !== 'planned' && current.state !== 'posted') throw new BoardInputError('errors.notEditable')
		const currentFrom = dateToDay(current.postedFrom)
		if (current.state === 'posted' && input.postedFrom !== currentFrom) throw new BoardInputError('errors.fromFixed', 'postedFrom')
		if (current.state === 'planned' && input.postedFrom < today) throw new BoardInputError('errors.fromInPast', 'postedFrom')
		if (input.postedUntil < today) throw new BoardInputError('errors.untilInPast', 'postedUntil')
		const kept = (current.versions[0]?.attachmentIds ?? []).filter((id) => !dropAttachmentIds.includes(id))
		const added: string[] = []
		for (const file of files) {
			const saved = await tx.boardAttachment.create({
				data: { documentId, ...file, content: new Uint8Array(file.content), createdAt: now },
				select: { id: true },
			})
			added.push(saved.id)
		}
		const version = current.version + 1
		const fields = {
			title: input.title,
			description: input.description ?? '',
			category: input.category,
			referenceNumber: input.referenceNumber ?? null,
			fileMark: input.fileMark ?? null,
			concerns: input.concerns ?? null,
			postedFrom: dayToDate(input.postedFrom),
			postedUntil: dayToDate(input.postedUntil),
		}
		await tx.boardDocument.update({ where: { id: documentId }, data: { ...fields, version } })
		await tx.boardDocumentVersion.create({
			data: { documentId, version, ...fields, attachmentIds: [...kept, ...added], changeNote: input.changeNote ?? null, changedBy: staffName, changedAt: now },
		})
		await recordAudit(tx, {
			action: 'board.edit',
			staffId,
			subject: `BoardDocument:${documentId}`,
			details: { version, title: input.title, postedUntil: input.postedUntil, added: files.map((f) => f.sha256), dropped: dropAttachmentIds },
			...meta,
		})
		return { version }
	})
}
