import { redirect, type AppLoadContext } from '@remix-run/node'
import { getTenantDb } from '../db/tenant-db.server'
import { formatDate } from '../i18n/format'
import { getRequestLocale } from '../i18n/locale.server'
import { resources } from '../i18n/resources.server'
import { requireTenant, requireTownProfile } from '../tenancy/require-town.server'
import { boardNow, dateToDay } from './board-clock.server'
import { PUBLIC_BOARD_PARAMS } from './board-filter-params'
import { listPublicBoard, readPublicBoardFilters } from './list-public-board.server'
import { latestBoardSnapshot } from './take-board-snapshot.server'

/** Everything the public board page shows, in the visitor's language. */
export async function loadPublicBoardPage(request: Request, context: AppLoadContext) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const db = getTenantDb(tenant)
	const url = new URL(request.url)
	// Town websites may link the archive as it was before the query parameters became Czech (docs/glossary.md).
	if (url.searchParams.get('tab') === 'archive' && !url.searchParams.has(PUBLIC_BOARD_PARAMS.tab))
		throw redirect(`${url.pathname}?${PUBLIC_BOARD_PARAMS.tab}=archive`, 301)
	const filters = readPublicBoardFilters(url)
	const now = boardNow()
	const [list, snapshot] = await Promise.all([listPublicBoard({ db, filters, now }), latestBoardSnapshot(db)])
	return {
		title: resources[locale].board.title,
		filters,
		total: list.total,
		page: list.page,
		pages: list.pages,
		documents: list.documents.map((d) => ({
			id: d.id,
			title: d.title,
			category: d.category,
			referenceNumber: d.referenceNumber,
			postedFrom: formatDate(d.postedFrom, locale),
			postedUntil: formatDate(d.postedUntil, locale),
			removedEarly: d.state === 'removed_early' && d.removedAt ? formatDate(d.removedAt, locale) : null,
			attachments: d._count.attachments,
		})),
		snapshot: snapshot
			? { day: dateToDay(snapshot.day), date: formatDate(snapshot.day, locale), hash: snapshot.listHash, count: snapshot.documentCount }
			: null,
	}
}
