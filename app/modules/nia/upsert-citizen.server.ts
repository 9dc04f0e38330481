import { Prisma } from '../../generated/tenant/client'
import { linkResident } from '../claims/link-resident.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { NiaIdentity } from './read-nia-identity.server'

/**
 * Just-in-time account: the first NIA login creates the person (keyed by PersonIdentifier, NIA's stable
 * pseudonym), every later one refreshes what NIA knows (names, date of birth, address, contacts). What
 * the citizen entered themselves (notification e-mail, preferences) is never overwritten.
 * Residency: the RÚIAN municipality code (obecKod) of the registered address against the town's.
 */
export async function upsertCitizen({ db, identity, municipalityCode }: { db: TenantDb; identity: NiaIdentity; municipalityCode: string | null }) {
	const addressMunicipality = identity.addressIds?.obecKod ?? null
	const fromNia = {
		givenName: identity.givenName,
		familyName: identity.familyName,
		dateOfBirth: identity.dateOfBirth,
		email: identity.email,
		phone: identity.phone,
		address: identity.address ?? Prisma.DbNull,
		addressIds: identity.addressIds ?? Prisma.DbNull,
		municipalityCode: addressMunicipality,
		isResident: Boolean(municipalityCode && addressMunicipality === municipalityCode),
		levelOfAssurance: identity.loa,
		lastLoginAt: new Date(),
	}
	const existing = await db.person.findUnique({ where: { personIdentifier: identity.personIdentifier }, select: { id: true } })
	const person = await db.person.upsert({
		where: { personIdentifier: identity.personIdentifier },
		create: { personIdentifier: identity.personIdentifier, ...fromNia },
		update: fromNia,
		select: { id: true, isResident: true },
	})
	// The town's register knows this person's fees; tie them to the account (see decision 007).
	await linkResident(db, { id: person.id, givenName: identity.givenName, familyName: identity.familyName, dateOfBirth: identity.dateOfBirth ?? null })
	return { ...person, isNew: !existing }
}
