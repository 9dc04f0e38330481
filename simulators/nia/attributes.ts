// The eIDAS/NIA attributes released for a persona: only those the SeP requested, PersonIdentifier always.
// Composite values (CurrentAddress, TRadresaID) are base64 of XML, as NIA sends them.
import { NIA_ATTRIBUTE, NS, type NiaAttributeName } from './constants'
import type { NiaPersona, PersonaAddress } from './personas'
import type { RequestedAttribute } from './types'
import { escapeXml } from './xml'

export interface ReleasedAttribute {
	name: string
	friendlyName: string
	value: string
	/** xsi:type of the AttributeValue (eIDAS natural-person types, else xs:string). */
	type: string
}

const base64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64')

/**
 * CurrentAddressType (eIDAS attribute profile): a sequence of eidas-natural elements, no root element.
 * Each element declares the prefix so the fragment parses however an SP wraps it.
 */
export function encodeCurrentAddress(address: PersonaAddress) {
	const locator = [address.houseNumber, address.orientationNumber && `${address.orientationNumber}${address.orientationLetter ?? ''}`].filter(Boolean).join('/')
	const parts: [string, string | undefined][] = [
		['LocatorDesignator', locator],
		['CvaddressArea', address.partOfTown],
		['Thoroughfare', address.street],
		['PostName', address.postName],
		['PostCode', address.postCode],
	]
	return base64(
		parts
			.filter((part): part is [string, string] => Boolean(part[1]))
			.map(([name, value]) => `<eidas:${name} xmlns:eidas="${NS.eidasNatural}">${escapeXml(value)}</eidas:${name}>`)
			.join(''),
	)
}

/**
 * TRadresaIDType (NIA's RÚIAN address codes). The XSD names only the type; the root element name
 * `TRadresaID` is this simulator's assumption, so SPs should read the children by local name.
 */
export function encodeTrAdresaId(address: PersonaAddress) {
	const parts: [string, string | undefined][] = [
		['okresKod', address.town.okresKod],
		['obecKod', address.town.obecKod],
		['castObceKod', address.ruian.castObceKod],
		['uliceKod', address.ruian.uliceKod],
		['postaKod', address.ruian.postaKod],
		['stavebniObjektKod', address.ruian.stavebniObjektKod],
		['adresniMistoKod', address.ruian.adresniMistoKod],
		['cisloDomovni', address.houseNumber],
		['cisloOrientacni', address.orientationNumber],
		['cisloOrientacniPismeno', address.orientationLetter],
	]
	const children = parts
		.filter((part): part is [string, string] => Boolean(part[1]))
		.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
		.join('')
	return base64(`<TRadresaID xmlns="${NS.moris}">${children}</TRadresaID>`)
}

export function ageOn(dateOfBirth: string, today: Date) {
	const [year, month, day] = dateOfBirth.split('-').map(Number)
	const hadBirthday = today.getUTCMonth() + 1 > month || (today.getUTCMonth() + 1 === month && today.getUTCDate() >= day)
	return today.getUTCFullYear() - year - (hadBirthday ? 0 : 1)
}

const NATURAL_TYPES: Partial<Record<NiaAttributeName, string>> = {
	PersonIdentifier: 'eidas-natural:PersonIdentifierType',
	CurrentGivenName: 'eidas-natural:CurrentGivenNameType',
	CurrentFamilyName: 'eidas-natural:CurrentFamilyNameType',
	CurrentAddress: 'eidas-natural:CurrentAddressType',
	DateOfBirth: 'eidas-natural:DateOfBirthType',
	PlaceOfBirth: 'eidas-natural:PlaceOfBirthType',
}

function valueOf(name: NiaAttributeName, persona: NiaPersona, requested: RequestedAttribute | undefined, now: Date): string {
	switch (name) {
		case 'PersonIdentifier':
			return persona.personIdentifier
		case 'CurrentGivenName':
			return persona.givenName
		case 'CurrentFamilyName':
			return persona.familyName
		case 'CurrentAddress':
			return encodeCurrentAddress(persona.address)
		case 'DateOfBirth':
			return persona.dateOfBirth
		case 'PlaceOfBirth':
			return persona.placeOfBirth
		case 'countryCodeOfBirth':
			return persona.countryCodeOfBirth
		case 'eMail':
			return persona.email
		case 'age':
			return String(ageOn(persona.dateOfBirth, now))
		case 'isAgeOver':
			return String(ageOn(persona.dateOfBirth, now) >= Number(requested?.values[0] ?? 18))
		case 'phonenumber':
			return persona.phone
		case 'tradresaid':
			return encodeTrAdresaId(persona.address)
		case 'idtype':
			return persona.idType
		case 'idnumber':
			return persona.idNumber
	}
}

const NAME_BY_URI = new Map<string, NiaAttributeName>(Object.entries(NIA_ATTRIBUTE).map(([short, uri]) => [uri, short as NiaAttributeName]))

/** Attributes for the assertion, in request order; unknown URIs are skipped, as NIA releases none for them. */
export function releaseAttributes(persona: NiaPersona, requested: RequestedAttribute[], now: Date): ReleasedAttribute[] {
	const wanted = [{ name: NIA_ATTRIBUTE.PersonIdentifier, isRequired: true, values: [] }, ...requested]
	const seen = new Set<string>()
	const released: ReleasedAttribute[] = []
	for (const request of wanted) {
		const short = NAME_BY_URI.get(request.name)
		if (!short || seen.has(request.name)) continue
		seen.add(request.name)
		released.push({ name: request.name, friendlyName: short, value: valueOf(short, persona, request, now), type: NATURAL_TYPES[short] ?? 'xs:string' })
	}
	return released
}
