import { z } from 'zod'
import type { Prisma } from '../../generated/tenant/client'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { OFFICE_FILTERS } from './office-filters'
import { searchThreadIds } from './search-threads.server'

export const OFFICE_PAGE_SIZE = 25

export const OfficeThreadFilterSchema = z.object({
	stav: z.enum(OFFICE_FILTERS).catch('open'),
	tema: z.string().max(60).optional().catch(undefined),
	q: z.string().trim().max(200).optional().catch(undefined),
	razeni: z.enum(['waiting', 'recent']).catch('waiting'),
	page: z.coerce.number().int().min(1).catch(1),
})
export type OfficeThreadFilter = z.infer<typeof OfficeThreadFilterSchema>

/**
 * The office inbox of messages: only the topics (agendas) CASL lets this clerk read, then the
 * filters. "waiting" sorts the longest-waiting first (the oldest waiting_since); threads where the
 * office owes nothing have no clock and come last.
 */
export async function listOfficeThreads({
	db,
	ability,
	townSlug,
	filter,
}: {
	db: TenantDb
	ability: AppAbility
	townSlug: string
	filter: OfficeThreadFilter
}) {
	const and: Prisma.MessageThreadWhereInput[] = [accessibleWhere(ability, 'read', 'MessageThread')]
	if (filter.stav === 'open') and.push({ state: { not: 'closed' } })
	else if (filter.stav !== 'all') and.push({ state: filter.stav })
	if (filter.tema) and.push({ topic: filter.tema })
	const found = filter.q ? await searchThreadIds(db, townSlug, filter.q) : null
	if (found) and.push({ id: { in: found } })
	const where = { AND: and }
	const total = await db.messageThread.count({ where })
	const pages = Math.max(1, Math.ceil(total / OFFICE_PAGE_SIZE))
	const page = Math.min(filter.page, pages)
	const orderBy: Prisma.MessageThreadOrderByWithRelationInput[] =
		filter.razeni === 'waiting'
			? [{ waitingSince: { sort: 'asc', nulls: 'last' } }, { lastMessageAt: 'desc' }, { id: 'asc' }]
			: [{ lastMessageAt: 'desc' }, { id: 'asc' }]
	const rows = await db.messageThread.findMany({
		where,
		orderBy,
		skip: (page - 1) * OFFICE_PAGE_SIZE,
		take: OFFICE_PAGE_SIZE,
		select: {
			id: true,
			topic: true,
			subject: true,
			state: true,
			waitingSince: true,
			lastMessageAt: true,
			assignedStaff: { select: { name: true } },
			person: { select: { givenName: true, familyName: true } },
			submission: { select: { number: true } },
		},
	})
	return { rows, total, pages, page }
}

/** Whole days the office has owed an answer (null when it owes none). */
export function daysWaiting(waitingSince: Date | null, now = new Date()) {
	return waitingSince ? Math.max(0, Math.floor((now.getTime() - waitingSince.getTime()) / 86_400_000)) : null
}
