import type { TenantDb } from '../db/tenant-db.server'

/** A document with its versions, state log and the attachments of its current version, for the clerk. */
export async function getOfficeBoardDocument({ db, id }: { db: TenantDb; id: string }) {
	const document = await db.boardDocument.findUnique({
		where: { id },
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
				select: { version: true, title: true, postedUntil: true, attachmentIds: true, changedAt: true, changedBy: true, changeNote: true },
			},
			transitions: { orderBy: { id: 'asc' }, select: { id: true, fromState: true, toState: true, source: true, actor: true, at: true } },
		},
	})
	if (!document) return null
	const currentIds = document.versions[0]?.attachmentIds ?? []
	const attachments = await db.boardAttachment.findMany({
		where: { documentId: id, id: { in: currentIds } },
		select: { id: true, fileName: true },
		orderBy: { createdAt: 'asc' },
	})
	return { ...document, attachments }
}
