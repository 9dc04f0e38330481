import type { TenantDb } from '../db/tenant-db.server'

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.trim()
		.toLocaleLowerCase('cs')

/**
 * Links a citizen account to the town's resident record on login (decision 007): only when exactly
 * one unlinked resident has the same date of birth and the same given and family name (case- and
 * diacritics-insensitive). Two namesakes born the same day are left for a clerk, never guessed.
 */
export async function linkResident(db: TenantDb, person: { id: string; givenName: string; familyName: string; dateOfBirth: Date | null }) {
	if (!person.dateOfBirth) return null
	if (await db.resident.findFirst({ where: { personId: person.id }, select: { id: true } })) return null
	const candidates = await db.resident.findMany({
		where: { personId: null, dateOfBirth: person.dateOfBirth },
		select: { id: true, givenName: true, familyName: true },
	})
	const matches = candidates.filter((r) => fold(r.givenName) === fold(person.givenName) && fold(r.familyName) === fold(person.familyName))
	if (matches.length !== 1) return null
	const linked = await db.resident.updateMany({ where: { id: matches[0]!.id, personId: null }, data: { personId: person.id } })
	return linked.count === 1 ? matches[0]!.id : null
}
