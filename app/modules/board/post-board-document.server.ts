import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { boardNow, dayToDate, pragueDay } from './board-clock.server'
import type { BoardDocumentInput } from './board-document-schema'
import { BoardInputError } from './board-error'
import { transitionBoardDocument } from './board-states'
import type { BoardPdf } from './check-board-pdf.server'

type Options = {
	db: TenantDb
	input: BoardDocumentInput
	files: BoardPdf[]
	/** null for the demo seed (no member of staff). */
	staffId: string | null
	staffName: string
	meta: { ip: string | null; requestId: string | null }
	now?: Date
}

/**
 * Posts a document: today's or a later first day (a board cannot be backdated). A document whose
 * first day is today is on the board at once; a later one waits as planned until its day comes.
 * Version 1 is written with the document; the post is in the audit log.
 */
export async function postBoardDocument({ db, input, files, staffId, staffName, meta, now = boardNow() }: Options) {
	const today = pragueDay(now)
	if (input.postedFrom < today) throw new BoardInputError('errors.fromInPast', 'postedFrom')
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
	return db.$transaction(async (tx) => {
		const document = await tx.boardDocument.create({
			data: { ...fields, state: 'planned', createdBy: staffName, createdAt: now, updatedAt: now },
			select: { id: true },
		})
		const attachmentIds: string[] = []
		for (const file of files) {
			const saved = await tx.boardAttachment.create({
				data: { documentId: document.id, ...file, content: new Uint8Array(file.content), createdAt: now },
				select: { id: true },
			})
			attachmentIds.push(saved.id)
		}
		await tx.boardDocumentVersion.create({
			data: { documentId: document.id, version: 1, ...fields, attachmentIds, changeNote: input.changeNote ?? null, changedBy: staffName, changedAt: now },
		})
		await tx.boardTransition.create({ data: { documentId: document.id, fromState: null, toState: 'planned', source: 'clerk', actor: staffName, at: now } })
		if (input.postedFrom <= today) await transitionBoardDocument(tx, { documentId: document.id, to: 'posted', source: 'clerk', actor: staffName, at: now })
		await recordAudit(tx, {
			action: 'board.post',
			staffId,
			subject: `BoardDocument:${document.id}`,
			details: { title: input.title, postedFrom: input.postedFrom, postedUntil: input.postedUntil, attachments: files.map((f) => f.sha256) },
			...meta,
		})
		return document
	})
}
