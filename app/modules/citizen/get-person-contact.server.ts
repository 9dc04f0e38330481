import type { TenantDb } from '../db/tenant-db.server'

/** The person's full name as a message author ("Given Family"). */
export async function getPersonName({ db, personId }: { db: TenantDb; personId: string }) {
	const person = await db.person.findUniqueOrThrow({ where: { id: personId }, select: { givenName: true, familyName: true } })
	return `${person.givenName} ${person.familyName}`
}

/** The person's e-mail addresses: the one NIA gave (`email`) and the one they chose for notices. */
export async function getPersonEmails({ db, personId }: { db: TenantDb; personId: string }) {
	return db.person.findUniqueOrThrow({ where: { id: personId }, select: { email: true, notificationEmail: true } })
}
