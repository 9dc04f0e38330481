import type { TenantDb } from '../db/tenant-db.server'
import { boardNow, dateToDay, pragueDay } from './board-clock.server'
import { publicWhere } from './list-public-board.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A document the public may open (on the board or in the archive) with its versions and current attachments; null otherwise. */
export async function getPublicBoardDocument({ db, id, now = boardNow() }: { db: TenantDb; id: string; now?: Date }) {
	if (!UUID.test(id)) return null
	const today = pragueDay(now)
	const document = await db.boardDocument.findFirst({
		where: { id, OR: [publicWhere('current', today), publicWhere('archive', today)] },
		select: {
			id: true,
			title: true,
			description: true,
			category: true,
			referenceNumber: true,
			fileMark: true,
			concerns: true,
			postedFrom: true,
			postedUntil: true,
			state: true,
			version: true,
			removedAt: true,
			removalReason: true,
			versions: {
				orderBy: { version: 'desc' },
				select: { version: true, title: true, postedUntil: true, attachmentIds: true, changeNote: true, changedAt: true },
			},
		},
	})
	if (!document) return null
	const currentIds = document.versions[0]?.attachmentIds ?? []
	const attachments = await db.boardAttachment.findMany({
		where: { documentId: id, id: { in: currentIds } },
		select: { id: true, fileName: true, size: true, sha256: true },
		orderBy: { createdAt: 'asc' },
	})
	const isCurrent = document.state !== 'removed_early' && dateToDay(document.postedFrom) <= today && dateToDay(document.postedUntil) >= today
	return { ...document, attachments, isCurrent }
}

/** The bytes of an attachment of a document the public may open (any version's file: the history links to them). */
export async function readPublicBoardAttachment({
	db,
	documentId,
	attachmentId,
	now = boardNow(),
}: {
	db: TenantDb
	documentId: string
	attachmentId: string
	now?: Date
}) {
	if (!UUID.test(documentId) || !UUID.test(attachmentId)) return null
	const today = pragueDay(now)
	const visible = await db.boardDocument.count({ where: { id: documentId, OR: [publicWhere('current', today), publicWhere('archive', today)] } })
	if (!visible) return null
	return db.boardAttachment.findFirst({
		where: { id: attachmentId, documentId },
		select: { fileName: true, contentType: true, size: true, sha256: true, content: true, createdAt: true },
	})
}
