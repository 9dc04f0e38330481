import { accessibleWhere } from '../access/ability.server'
import type { OverviewContext } from './overview-areas.server'

/** The residents the citizen represents (confirmed by the office), read through CASL. One query. */
export async function loadRepresentedArea({ db, ability, personId }: OverviewContext) {
	const rows = await db.representation.findMany({
		where: { personId, confirmedAt: { not: null }, resident: accessibleWhere(ability, 'read', 'Resident') },
		select: { relation: true, resident: { select: { id: true, givenName: true, familyName: true } } },
		orderBy: { createdAt: 'asc' },
		take: 100,
	})
	return rows.map((row) => ({ residentId: row.resident.id, name: `${row.resident.givenName} ${row.resident.familyName}`, relation: row.relation }))
}
