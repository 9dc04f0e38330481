import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { AuditFilter } from './audit-filter-schema'

export const AUDIT_PAGE_SIZE = 50

/** UTC instant of midnight in Prague on the given day (the office's calendar, DST included). */
export function pragueMidnight(day: string) {
	const utcMidnight = new Date(`${day}T00:00:00Z`)
	const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Prague', timeZoneName: 'longOffset' })
		.formatToParts(utcMidnight)
		.find((part) => part.type === 'timeZoneName')?.value
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offsetName ?? '')
	const offsetMinutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
	return new Date(utcMidnight.getTime() - offsetMinutes * 60_000)
}

const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10)

/**
 * One page (50 entries, newest first) of the town's audit log that the ability may read, with the
 * filters applied, plus the names of the staff in it and the actions there are to filter by.
 */
export async function listAuditLog({ db, ability, filter }: { db: TenantDb; ability: AppAbility; filter: AuditFilter }) {
	const readable = accessibleWhere(ability, 'read', 'AuditLog')
	const at = {
		...(filter.from ? { gte: pragueMidnight(filter.from) } : {}),
		...(filter.to ? { lt: pragueMidnight(nextDay(filter.to)) } : {}),
	}
	const where = {
		AND: [readable, filter.action ? { action: filter.action } : {}, filter.outcome ? { outcome: filter.outcome } : {}, filter.from || filter.to ? { at } : {}],
	}
	const page = filter.page ?? 1
	const [total, entries, actions] = await Promise.all([
		db.auditLog.count({ where }),
		db.auditLog.findMany({
			where,
			orderBy: { id: 'desc' },
			skip: (page - 1) * AUDIT_PAGE_SIZE,
			take: AUDIT_PAGE_SIZE,
			select: { id: true, at: true, action: true, outcome: true, staffId: true, actorId: true, subject: true, details: true, ip: true },
		}),
		db.auditLog.findMany({ where: readable, distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
	])
	const staffIds = [...new Set(entries.map((entry) => entry.staffId).filter((id): id is string => Boolean(id)))]
	const staff = staffIds.length
		? await db.staffUser.findMany({
				where: { AND: [accessibleWhere(ability, 'read', 'StaffUser'), { id: { in: staffIds } }] },
				select: { id: true, name: true },
			})
		: []
	const names = new Map(staff.map((member) => [member.id, member.name]))
	return {
		entries: entries.map((entry) => ({
			...entry,
			id: entry.id.toString(),
			at: entry.at.toISOString(),
			staffName: entry.staffId ? (names.get(entry.staffId) ?? null) : null,
		})),
		total,
		page,
		pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		actions: actions.map((row) => row.action),
	}
}
