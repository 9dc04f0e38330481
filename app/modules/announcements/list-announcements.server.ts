import { accessibleWhere, type AppAbility } from '../access/ability.server'
import { townOf, type TenantDb } from '../db/tenant-db.server'
import { rememberForTown } from '../tenancy/town-cache.server'

export const ANNOUNCEMENTS_PAGE_SIZE = 20

/** The office's list of announcements the staff member may read, newest first, one page, with sending progress. */
export async function listOfficeAnnouncements({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	const where = accessibleWhere(ability, 'read', 'Announcement')
	const total = await db.announcement.count({ where })
	const pages = Math.max(1, Math.ceil(total / ANNOUNCEMENTS_PAGE_SIZE))
	const current = Math.min(Math.max(1, page), pages)
	const rows = await db.announcement.findMany({
		where,
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
		skip: (current - 1) * ANNOUNCEMENTS_PAGE_SIZE,
		take: ANNOUNCEMENTS_PAGE_SIZE,
		select: {
			id: true,
			topic: true,
			title: true,
			state: true,
			recipients: true,
			processed: true,
			inPortal: true,
			emailed: true,
			texted: true,
			failed: true,
			validFrom: true,
			validTo: true,
			createdAt: true,
			createdBy: { select: { name: true } },
		},
	})
	return { rows, total, pages, page: current }
}

/**
 * What the town's home page shows: announcements valid today (no dates = valid from writing until a
 * newer one pushes it off), newest first. Every visit to the home page asks, and the answer changes
 * only with a new announcement (which tells every process, createAnnouncement) or a new day, so it
 * is remembered per town and day (town-cache.server.ts).
 */
export function listCurrentAnnouncements(db: TenantDb, today: Date, take = 5) {
	const load = () =>
		db.announcement.findMany({
			where: { AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: today } }] }, { OR: [{ validTo: null }, { validTo: { gte: today } }] }] },
			orderBy: { createdAt: 'desc' },
			take,
			select: { id: true, title: true, body: true, validFrom: true, validTo: true, createdAt: true },
		})
	const town = townOf(db)
	return town ? rememberForTown(town, `announcements:${today.toISOString().slice(0, 10)}:${take}`, load) : load()
}
