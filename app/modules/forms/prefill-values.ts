import type { NiaAddress } from '../nia/read-nia-identity.server'
import { allFields, type FormDefinition } from './form-definition-schema'

export type PrefillPerson = {
	givenName: string
	familyName: string
	dateOfBirth: Date | null
	address: unknown
	email: string | null
	notificationEmail: string | null
	phone: string | null
}

/** Values for the fields bound to the citizen's identity (NIA data, or the contact they entered). */
export function prefillValues(definition: Pick<FormDefinition, 'steps'>, person: PrefillPerson): Record<string, unknown> {
	const address = person.address as NiaAddress | null
	const street = address ? [address.Thoroughfare ?? address.CvaddressArea, address.LocatorDesignator].filter(Boolean).join(' ') : ''
	const postalCode = address?.PostCode ? address.PostCode.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2') : ''
	const sources: Record<string, unknown> = {
		givenName: person.givenName,
		familyName: person.familyName,
		fullName: `${person.givenName} ${person.familyName}`,
		dateOfBirth: person.dateOfBirth ? person.dateOfBirth.toISOString().slice(0, 10) : undefined,
		email: person.notificationEmail ?? person.email ?? undefined,
		phone: person.phone ?? undefined,
	}
	const values: Record<string, unknown> = {}
	for (const field of allFields(definition)) {
		if (!field.prefill) continue
		if (field.prefill === 'address') {
			if (!address) continue
			values[field.name] =
				field.type === 'address'
					? { street, city: address.PostName ?? '', postalCode }
					: [street, `${postalCode} ${address.PostName ?? ''}`.trim()].filter(Boolean).join(', ')
		} else if (sources[field.prefill] !== undefined) {
			values[field.name] = sources[field.prefill]
		}
	}
	return values
}

/** Names of the fields that were prefilled, to mark them in the form. */
export function prefilledNames(definition: Pick<FormDefinition, 'steps'>, person: PrefillPerson) {
	return Object.keys(prefillValues(definition, person))
}
