// Names NIA uses on the wire (SAML 2.0, eIDAS profile; see docs/decisions/005-citizen-login-nia.md). Kept in one place so the simulator and the
// portal's SP code can agree on spelling; every URI here is what the real IdP sends or expects.

/** NIA's entityID and Issuer: the same URN on test and production. */
export const NIA_ENTITY_ID = 'urn:microsoft:cgg2010:fpsts'

/** One URL for SSO (Redirect + POST) and SLO (Redirect), as on tnia/nia. Express matches it case-insensitively, like NIA. */
export const SSO_PATH = '/FPSTS/saml2/basic'
export const METADATA_PATH = '/FPSTS/FederationMetadata/2007-06/FederationMetadata.xml'
/** Not an NIA URL: where the simulator's persona picker posts the citizen's choice. */
export const CHOOSE_PATH = '/FPSTS/saml2/choose'
/** Not an NIA URL: the stand-in for NIA's admin web where a SeP is registered. */
export const ADMIN_SEP_PATH = '/admin/sep'

export const NS = {
	samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
	saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
	md: 'urn:oasis:names:tc:SAML:2.0:metadata',
	ds: 'http://www.w3.org/2000/09/xmldsig#',
	xenc: 'http://www.w3.org/2001/04/xmlenc#',
	xsi: 'http://www.w3.org/2001/XMLSchema-instance',
	xs: 'http://www.w3.org/2001/XMLSchema',
	eidas: 'http://eidas.europa.eu/saml-extensions',
	eidasNatural: 'http://eidas.europa.eu/attributes/naturalperson',
	wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
	/** Namespace of the TRadresaID value (the reference XSD); the attribute Name uses the same host. */
	moris: 'http://schemas.eidentita.cz/moris/2016/identity/claims/',
} as const

export const BINDING = {
	redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
	post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const

export const ALGORITHM = {
	rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
	sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
	excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
	envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
	aes256Cbc: 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
	rsaOaepMgf1p: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
	sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
} as const

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success'
export const NAMEID_PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'
export const ATTRNAME_FORMAT_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri'

/** NIA reports a failed or cancelled login inside the assertion, under StatusCode Success (reference §1.6). */
export const AUTHN_FAILED_ATTRIBUTE = 'urn:oasis:names:tc:SAML:2.0:protocol/statuscode'
export const AUTHN_FAILED_VALUE = 'AuthnFailed'

export const LOA_LEVELS = ['low', 'substantial', 'high'] as const
export type LoaLevel = (typeof LOA_LEVELS)[number]
export const LOA_URI: Record<LoaLevel, string> = {
	low: 'http://eidas.europa.eu/LoA/low',
	substantial: 'http://eidas.europa.eu/LoA/substantial',
	high: 'http://eidas.europa.eu/LoA/high',
}

/** Attribute Name URIs, reference table 1.4 (schemas.eidentita.cz taken as canonical, as the reference advises). */
export const NIA_ATTRIBUTE = {
	PersonIdentifier: 'http://eidas.europa.eu/attributes/naturalperson/PersonIdentifier',
	CurrentGivenName: 'http://eidas.europa.eu/attributes/naturalperson/CurrentGivenName',
	CurrentFamilyName: 'http://eidas.europa.eu/attributes/naturalperson/CurrentFamilyName',
	CurrentAddress: 'http://eidas.europa.eu/attributes/naturalperson/CurrentAddress',
	DateOfBirth: 'http://eidas.europa.eu/attributes/naturalperson/DateOfBirth',
	PlaceOfBirth: 'http://eidas.europa.eu/attributes/naturalperson/PlaceOfBirth',
	countryCodeOfBirth: 'http://www.stork.gov.eu/1.0/countryCodeOfBirth',
	eMail: 'http://www.stork.gov.eu/1.0/eMail',
	age: 'http://www.stork.gov.eu/1.0/age',
	isAgeOver: 'http://www.stork.gov.eu/1.0/isAgeOver',
	phonenumber: 'http://schemas.eidentita.cz/moris/2016/identity/claims/phonenumber',
	tradresaid: 'http://schemas.eidentita.cz/moris/2016/identity/claims/tradresaid',
	idtype: 'http://schemas.eidentita.cz/moris/2016/identity/claims/idtype',
	idnumber: 'http://schemas.eidentita.cz/moris/2016/identity/claims/idnumber',
} as const
export type NiaAttributeName = keyof typeof NIA_ATTRIBUTE

/** How long an AuthnRequest's IssueInstant may be old (or ahead, for clock skew) before it is refused. */
export const REQUEST_MAX_AGE_MS = 5 * 60_000
export const REQUEST_MAX_SKEW_MS = 60_000
/** Validity window NIA gives an assertion (Conditions and SubjectConfirmationData). */
export const ASSERTION_LIFETIME_MS = 5 * 60_000
/** How long the picker keeps a verified AuthnRequest waiting for the citizen's choice. */
export const FLOW_LIFETIME_MS = 15 * 60_000
