// Fake citizens the NIA simulator can log in. The portal's demo data and tests refer to them by `id`,
// `personIdentifier` and the RÚIAN codes of their address, so the values are fixed: never change one
// without searching the repository for it.
//
// Only obecKod (and okresKod) are real RÚIAN codes; street, part-of-town, building and address-place
// codes are invented, and so are all names, e-mails, phone and ID card numbers.
import type { LoaLevel } from './constants'

export interface Town {
	name: string
	/** RÚIAN kód obce: what the portal compares to decide whether a citizen is "our" resident. */
	obecKod: string
	/** RÚIAN kód okresu (numeric, not the LAU/NUTS code). */
	okresKod: string
}

export const TOWNS = {
	veseliNadMoravou: { name: 'Veselí nad Moravou', obecKod: '586846', okresKod: '3706' },
	brno: { name: 'Brno', obecKod: '582786', okresKod: '3702' },
	znojmo: { name: 'Znojmo', obecKod: '593711', okresKod: '3713' },
} as const satisfies Record<string, Town>

export interface PersonaAddress {
	town: Town
	/** Část obce, shown as CvaddressArea. */
	partOfTown: string
	street?: string
	/** Číslo popisné (domovní). */
	houseNumber: string
	/** Číslo orientační, with its letter if any. */
	orientationNumber?: string
	orientationLetter?: string
	postCode: string
	postName: string
	/** The codes NIA sends in TRadresaID (base64 XML). */
	ruian: { castObceKod: string; uliceKod?: string; postaKod: string; stavebniObjektKod: string; adresniMistoKod: string }
}

export interface NiaPersona {
	/** Stable slug, used by the picker form (`persona` field) and by tests. */
	id: string
	/** `CZ/CZ/<uuid>`: the BSI pseudonym NIA releases; the portal's stable user key. */
	personIdentifier: string
	givenName: string
	familyName: string
	/** YYYY-MM-DD, as NIA sends DateOfBirth. */
	dateOfBirth: string
	placeOfBirth: string
	countryCodeOfBirth: string
	email: string
	/** +420…, as NIA sends phonenumber. */
	phone: string
	/** The strongest eIDAS level this person's login means reach (NIA ID = substantial, eObčanka = high…). */
	loa: LoaLevel
	idType: string
	idNumber: string
	address: PersonaAddress
	/** One line for the picker, Czech and English. */
	summary: { cs: string; en: string }
	/**
	 * Facts the portal's demo data may want but NIA never releases (NIA knows only the registered
	 * residence): e.g. a cottage the person owns, for the recreational-property fee.
	 */
	portalFacts?: { ownsPropertyIn?: readonly { town: Town; kind: 'cottage' }[] }
}

const veseliAddress = (street: string, houseNumber: string, orientationNumber: string, codes: PersonaAddress['ruian']): PersonaAddress => ({
	town: TOWNS.veseliNadMoravou,
	partOfTown: 'Veselí nad Moravou',
	street,
	houseNumber,
	orientationNumber,
	postCode: '69801',
	postName: 'Veselí nad Moravou',
	ruian: codes,
})

export const PERSONAS = [
	{
		id: 'jana-novakova',
		personIdentifier: 'CZ/CZ/52698f22-74c6-49e1-8067-72d38c475662',
		givenName: 'Jana',
		familyName: 'Nováková',
		dateOfBirth: '1985-03-14',
		placeOfBirth: 'Hodonín',
		countryCodeOfBirth: 'CZ',
		email: 'jana.novakova@example.cz',
		phone: '+420601111111',
		loa: 'substantial',
		idType: 'ID',
		idNumber: '201111111',
		address: veseliAddress('Zámecká', '1234', '5', {
			castObceKod: '413101',
			uliceKod: '720101',
			postaKod: '69801',
			stavebniObjektKod: '19310101',
			adresniMistoKod: '19320101',
		}),
		summary: { cs: 'Dospělá obyvatelka Veselí nad Moravou', en: 'Adult resident of Veselí nad Moravou' },
	},
	{
		id: 'josef-dvorak',
		personIdentifier: 'CZ/CZ/c7461db5-99a3-4ea3-a406-c47016a959d9',
		givenName: 'Josef',
		familyName: 'Dvořák',
		dateOfBirth: '1950-07-02',
		placeOfBirth: 'Veselí nad Moravou',
		countryCodeOfBirth: 'CZ',
		email: 'josef.dvorak@example.cz',
		phone: '+420602222222',
		loa: 'high',
		idType: 'ID',
		idNumber: '202222222',
		address: veseliAddress('Bartolomějské náměstí', '45', '12', {
			castObceKod: '413101',
			uliceKod: '720102',
			postaKod: '69801',
			stavebniObjektKod: '19310202',
			adresniMistoKod: '19320202',
		}),
		summary: { cs: 'Senior z Veselí nad Moravou, přihlašuje se eObčankou', en: 'Senior resident of Veselí nad Moravou, logs in with an eID card' },
	},
	{
		id: 'petr-svoboda',
		personIdentifier: 'CZ/CZ/17169a53-ef40-467f-bdfc-2c846f2f3361',
		givenName: 'Petr',
		familyName: 'Svoboda',
		dateOfBirth: '1978-11-23',
		placeOfBirth: 'Brno',
		countryCodeOfBirth: 'CZ',
		email: 'petr.svoboda@example.cz',
		phone: '+420603333333',
		loa: 'substantial',
		idType: 'ID',
		idNumber: '203333333',
		address: {
			town: TOWNS.brno,
			partOfTown: 'Veveří',
			street: 'Kounicova',
			houseNumber: '678',
			orientationNumber: '20',
			orientationLetter: 'a',
			postCode: '60200',
			postName: 'Brno 2',
			ruian: { castObceKod: '411981', uliceKod: '730101', postaKod: '60200', stavebniObjektKod: '19330303', adresniMistoKod: '19340303' },
		},
		summary: { cs: 'Bydlí v Brně, vlastní chatu ve Veselí (není občanem Veselí)', en: 'Lives in Brno, owns a cottage in Veselí (not a resident)' },
		portalFacts: { ownsPropertyIn: [{ town: TOWNS.veseliNadMoravou, kind: 'cottage' }] },
	},
	{
		id: 'marie-horakova',
		personIdentifier: 'CZ/CZ/50c442af-3b68-48c4-95f4-22ac6b63da14',
		givenName: 'Marie',
		familyName: 'Horáková',
		dateOfBirth: '1992-01-30',
		placeOfBirth: 'Znojmo',
		countryCodeOfBirth: 'CZ',
		email: 'marie.horakova@example.cz',
		phone: '+420604444444',
		loa: 'substantial',
		idType: 'ID',
		idNumber: '204444444',
		address: {
			town: TOWNS.znojmo,
			partOfTown: 'Znojmo',
			street: 'Obroková',
			houseNumber: '321',
			orientationNumber: '8',
			postCode: '66902',
			postName: 'Znojmo',
			ruian: { castObceKod: '414301', uliceKod: '740101', postaKod: '66902', stavebniObjektKod: '19350404', adresniMistoKod: '19360404' },
		},
		summary: { cs: 'Obyvatelka Znojma', en: 'Resident of Znojmo' },
	},
	{
		id: 'tomas-low',
		personIdentifier: 'CZ/CZ/9bdf23cc-6ef4-4c05-b739-7676a9ab0cbe',
		givenName: 'Tomáš',
		familyName: 'Low',
		dateOfBirth: '2001-05-09',
		placeOfBirth: 'Uherské Hradiště',
		countryCodeOfBirth: 'CZ',
		email: 'tomas.low@example.cz',
		phone: '+420605555555',
		loa: 'low',
		idType: 'ID',
		idNumber: '205555555',
		address: veseliAddress('Na Výsluní', '987', '3', {
			castObceKod: '413101',
			uliceKod: '720103',
			postaKod: '69801',
			stavebniObjektKod: '19310505',
			adresniMistoKod: '19320505',
		}),
		summary: { cs: 'Obyvatel Veselí, má jen přihlášení s nízkou úrovní', en: 'Resident of Veselí with a low-assurance login only' },
	},
] as const satisfies readonly NiaPersona[]

export type PersonaId = (typeof PERSONAS)[number]['id']

export function findPersona(id: string): NiaPersona | undefined {
	return PERSONAS.find((persona) => persona.id === id)
}
