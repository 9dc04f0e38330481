import type { TenantDb } from '../db/tenant-db.server'
import { boardNow, dayToDate, pragueDay } from './board-clock.server'
import { transitionBoardDocument } from './board-states'

/**
 * Applies the calendar: planned documents whose first day has come are posted, posted (or planned)
 * ones past their last day expire. Idempotent; run by the board job and before the office list.
 */
export async function syncBoardStates({ db, now = boardNow() }: { db: TenantDb; now?: Date }) {
	const today = dayToDate(pragueDay(now))
	const due = await db.boardDocument.findMany({
		where: {
			OR: [
				{ state: 'planned', postedFrom: { lte: today } },
				{ state: 'posted', postedUntil: { lt: today } },
			],
		},
		select: { id: true, state: true, postedUntil: true },
	})
	let changed = 0
	for (const document of due) {
		const to = document.postedUntil < today ? 'expired' : 'posted'
		const result = await db.$transaction((tx) => transitionBoardDocument(tx, { documentId: document.id, to, source: 'clock', at: now }))
		if (result.ok) changed++
	}
	return { changed }
}
