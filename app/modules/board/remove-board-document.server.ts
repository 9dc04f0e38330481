import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { boardNow } from './board-clock.server'
import { BoardInputError } from './board-error'
import { transitionBoardDocument } from './board-states'

/** Takes a document off the board before its end date, with the reason shown in the archive. */
export async function removeBoardDocument({
	db,
	documentId,
	reason,
	staffId,
	staffName,
	meta,
	now = boardNow(),
}: {
	db: TenantDb
	documentId: string
	reason: string
	staffId: string
	staffName: string
	meta: { ip: string | null; requestId: string | null }
	now?: Date
}) {
	return db.$transaction(async (tx) => {
		const result = await transitionBoardDocument(tx, { documentId, to: 'removed_early', source: 'clerk', actor: staffName, reason, at: now })
		if (!result.ok) throw new BoardInputError(result.reason === 'not_found' ? 'errors.notFound' : 'errors.notRemovable')
		await recordAudit(tx, { action: 'board.remove', staffId, subject: `BoardDocument:${documentId}`, details: { reason, from: result.from }, ...meta })
		return result
	})
}
