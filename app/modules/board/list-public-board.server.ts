import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { addDays, boardNow, dayToDate, pragueDay } from './board-clock.server'
import { isBoardCategory } from './board-categories'
import { foldForSearch } from './board-search'
import { readPage } from '../http/page-param'
import { PUBLIC_BOARD_PARAMS } from './board-filter-params'

/** How long a document stays in the public archive after it left the board (decision 015). */
export const BOARD_ARCHIVE_YEARS = 5
export const BOARD_PAGE_SIZE = 20

export type PublicBoardFilters = { tab: 'current' | 'archive'; q?: string; category?: string; from?: string; to?: string; page: number }

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function readPublicBoardFilters(url: URL): PublicBoardFilters {
	const get = (name: keyof typeof PUBLIC_BOARD_PARAMS) => url.searchParams.get(PUBLIC_BOARD_PARAMS[name])?.trim() || undefined
	const category = get('category')
	const from = get('from')
	const to = get('to')
	return {
		tab: get('tab') === 'archive' ? 'archive' : 'current',
		q: get('q')?.slice(0, 200),
		category: category && isBoardCategory(category) ? category : undefined,
		from: from && DAY.test(from) ? from : undefined,
		to: to && DAY.test(to) ? to : undefined,
		page: readPage(url.searchParams),
	}
}

/** What the public may see on a day: on the board now, or in the archive for its period. Planned documents are not public. */
export function publicWhere(tab: 'current' | 'archive', today: string): Prisma.BoardDocumentWhereInput {
	const day = dayToDate(today)
	if (tab === 'current') return { state: { not: 'removed_early' }, postedFrom: { lte: day }, postedUntil: { gte: day } }
	const archiveStart = dayToDate(addDays(today, -365 * BOARD_ARCHIVE_YEARS))
	return {
		OR: [
			{ state: 'removed_early', removedAt: { gte: archiveStart } },
			{ state: { not: 'removed_early' }, postedUntil: { lt: day, gte: archiveStart } },
		],
	}
}

export async function listPublicBoard({ db, filters, now = boardNow() }: { db: TenantDb; filters: PublicBoardFilters; now?: Date }) {
	const today = pragueDay(now)
	const and: Prisma.BoardDocumentWhereInput[] = [publicWhere(filters.tab, today)]
	if (filters.category) and.push({ category: filters.category })
	if (filters.from) and.push({ postedFrom: { gte: dayToDate(filters.from) } })
	if (filters.to) and.push({ postedFrom: { lte: dayToDate(filters.to) } })
	// Accent- and case-insensitive, every word anywhere: "rozpocet 2027" finds "Rozpočet na rok 2027"
	// (the documents' folded text is kept by a database trigger).
	for (const word of foldForSearch(filters.q ?? '')
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, 10))
		and.push({ searchText: { contains: word } })
	const where = { AND: and }
	const total = await db.boardDocument.count({ where })
	const pages = Math.max(1, Math.ceil(total / BOARD_PAGE_SIZE))
	const page = Math.min(filters.page, pages)
	const documents = await db.boardDocument.findMany({
		where,
		orderBy: [{ postedFrom: 'desc' }, { createdAt: 'desc' }],
		skip: (page - 1) * BOARD_PAGE_SIZE,
		take: BOARD_PAGE_SIZE,
		select: {
			id: true,
			title: true,
			category: true,
			referenceNumber: true,
			fileMark: true,
			postedFrom: true,
			postedUntil: true,
			state: true,
			removedAt: true,
			_count: { select: { attachments: true } },
		},
	})
	return { documents, total, page, pages, today }
}
