import type { TenantDb } from '../db/tenant-db.server'
import { isBoardState } from './board-states'

export const OFFICE_BOARD_PAGE_SIZE = 25

/** The office's list: every document whatever its state, newest first, optionally one state. */
export async function listOfficeBoard({ db, state, page }: { db: TenantDb; state: string | null; page: number }) {
	const where = state && isBoardState(state) ? { state } : {}
	const total = await db.boardDocument.count({ where })
	const pages = Math.max(1, Math.ceil(total / OFFICE_BOARD_PAGE_SIZE))
	const current = Math.min(Math.max(1, page), pages)
	const documents = await db.boardDocument.findMany({
		where,
		orderBy: [{ postedFrom: 'desc' }, { createdAt: 'desc' }],
		skip: (current - 1) * OFFICE_BOARD_PAGE_SIZE,
		take: OFFICE_BOARD_PAGE_SIZE,
		select: { id: true, title: true, state: true, referenceNumber: true, postedFrom: true, postedUntil: true, version: true },
	})
	return { documents, total, page: current, pages }
}
