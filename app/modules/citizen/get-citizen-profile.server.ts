import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { NiaAddress } from '../nia/read-nia-identity.server'

/** What the profile page shows: what NIA told us and what the citizen entered. */
export async function getCitizenProfile({ db, ability, personId }: { db: TenantDb; ability: AppAbility; personId: string }) {
	const person = await db.person.findFirst({
		where: { AND: [accessibleWhere(ability, 'read', 'Person'), { id: personId, closedAt: null }] },
		select: {
			givenName: true,
			familyName: true,
			dateOfBirth: true,
			address: true,
			isResident: true,
			levelOfAssurance: true,
			lastLoginAt: true,
			email: true,
			phone: true,
			notificationEmail: true,
			notifyByEmail: true,
			preferredLocale: true,
		},
	})
	if (!person) return null
	return { ...person, address: person.address as NiaAddress | null }
}

/** One line for a CurrentAddress: "Zámecká 1234/5, 69801 Veselí nad Moravou". */
export function formatAddress(address: NiaAddress | null | undefined) {
	if (!address) return null
	const street = [address.Thoroughfare ?? address.CvaddressArea, address.LocatorDesignator].filter(Boolean).join(' ')
	const town = [address.PostCode, address.PostName].filter(Boolean).join(' ')
	return [street, town].filter(Boolean).join(', ') || null
}
