// Names NIA uses on the wire (SAML 2.0, eIDAS profile; see docs/decisions/005-citizen-login-nia.md). The simulator keeps its own copy in
// simulators/nia/constants.ts on purpose: the portal must not depend on the simulator at run time, and
// two independent spellings that agree are what the integration tests check.

export const NS = {
	samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
	saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
	md: 'urn:oasis:names:tc:SAML:2.0:metadata',
	ds: 'http://www.w3.org/2000/09/xmldsig#',
	eidas: 'http://eidas.europa.eu/saml-extensions',
	eidasNatural: 'http://eidas.europa.eu/attributes/naturalperson',
	alg: 'urn:oasis:names:tc:SAML:metadata:algsupport',
} as const

export const BINDING = {
	redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
	post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const

export const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'
export const ATTRNAME_FORMAT_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri'

/** NIA reports a failed or cancelled login inside a "Success" response, as this attribute (reference §1.6). */
export const AUTHN_FAILED_ATTRIBUTE = 'urn:oasis:names:tc:SAML:2.0:protocol/statuscode'
export const AUTHN_FAILED_VALUE = 'AuthnFailed'

export const LOA_LEVELS = ['low', 'substantial', 'high'] as const
export type LoaLevel = (typeof LOA_LEVELS)[number]
/** What a town may require: NIA's "low" is never enough for a portal that shows tax data (reference §1.5). */
export const MINIMUM_LOA_CHOICES = ['substantial', 'high'] as const
export type MinimumLoa = (typeof MINIMUM_LOA_CHOICES)[number]

export const LOA_URI: Record<LoaLevel, string> = {
	low: 'http://eidas.europa.eu/LoA/low',
	substantial: 'http://eidas.europa.eu/LoA/substantial',
	high: 'http://eidas.europa.eu/LoA/high',
}

export function loaFromUri(uri: string | undefined | null): LoaLevel | null {
	return LOA_LEVELS.find((level) => LOA_URI[level] === uri?.trim()) ?? null
}

/** eIDAS levels are ordered (low < substantial < high); node-saml does not compare them, so we do. */
export function isLoaSufficient(actual: LoaLevel | null, minimum: LoaLevel) {
	return actual !== null && LOA_LEVELS.indexOf(actual) >= LOA_LEVELS.indexOf(minimum)
}

export function isMinimumLoa(value: unknown): value is MinimumLoa {
	return typeof value === 'string' && (MINIMUM_LOA_CHOICES as readonly string[]).includes(value)
}

/** Attribute Name URIs (reference table 1.4; schemas.eidentita.cz taken as canonical). */
export const NIA_ATTRIBUTE = {
	PersonIdentifier: 'http://eidas.europa.eu/attributes/naturalperson/PersonIdentifier',
	CurrentGivenName: 'http://eidas.europa.eu/attributes/naturalperson/CurrentGivenName',
	CurrentFamilyName: 'http://eidas.europa.eu/attributes/naturalperson/CurrentFamilyName',
	DateOfBirth: 'http://eidas.europa.eu/attributes/naturalperson/DateOfBirth',
	CurrentAddress: 'http://eidas.europa.eu/attributes/naturalperson/CurrentAddress',
	TRadresaID: 'http://schemas.eidentita.cz/moris/2016/identity/claims/tradresaid',
	eMail: 'http://www.stork.gov.eu/1.0/eMail',
	phone: 'http://schemas.eidentita.cz/moris/2016/identity/claims/phonenumber',
} as const
export type NiaAttributeName = keyof typeof NIA_ATTRIBUTE

/** What the portal asks NIA for, and whether a login without it makes sense. */
export const REQUESTED_ATTRIBUTES: readonly [NiaAttributeName, boolean][] = [
	['PersonIdentifier', true],
	['CurrentGivenName', true],
	['CurrentFamilyName', true],
	['DateOfBirth', true],
	['CurrentAddress', false],
	['TRadresaID', false],
	['eMail', false],
	['phone', false],
]

/** node-saml `samlAuthnRequestExtensions` (xmlbuilder object form): eidas:SPType + eidas:RequestedAttributes. */
export const EIDAS_REQUEST_EXTENSIONS = {
	'eidas:SPType': { '@xmlns:eidas': NS.eidas, '#text': 'public' },
	'eidas:RequestedAttributes': {
		'@xmlns:eidas': NS.eidas,
		'eidas:RequestedAttribute': REQUESTED_ATTRIBUTES.map(([name, isRequired]) => ({
			'@Name': NIA_ATTRIBUTE[name],
			'@NameFormat': ATTRNAME_FORMAT_URI,
			'@isRequired': String(isRequired),
		})),
	},
}

/** How long an AuthnRequest id stays usable (the InResponseTo check), and the accepted clock skew. */
export const REQUEST_ID_LIFETIME_MS = 5 * 60_000
export const CLOCK_SKEW_MS = 30_000
/** IdP metadata fetched from a URL is refreshed at login when older than this. */
export const METADATA_MAX_AGE_MS = 24 * 60 * 60_000
