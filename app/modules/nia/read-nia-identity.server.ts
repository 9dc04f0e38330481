import type { Profile } from '@node-saml/node-saml'
import type { Element } from '@xmldom/xmldom'
import { NiaLoginError } from './nia-login-error'
import { AUTHN_FAILED_ATTRIBUTE, AUTHN_FAILED_VALUE, loaFromUri, NIA_ATTRIBUTE, type LoaLevel } from './nia-protocol'
import { parseXml } from './xml.server'

/** CurrentAddress (eIDAS CurrentAddressType), decoded. */
export type NiaAddress = Partial<Record<'LocatorDesignator' | 'CvaddressArea' | 'Thoroughfare' | 'PostName' | 'PostCode', string>>
/** TRadresaID (RÚIAN codes), decoded: obecKod, adresniMistoKod, cisloDomovni, … */
export type NiaAddressIds = Record<string, string>

export type NiaIdentity = {
	personIdentifier: string
	givenName: string
	familyName: string
	dateOfBirth: Date | null
	email: string | null
	phone: string | null
	address: NiaAddress | null
	addressIds: NiaAddressIds | null
	loa: LoaLevel | null
	nameId: string | null
	sessionIndex: string | null
	/** SubjectConfirmationData/@Recipient and the assertion Issuer, for the caller's checks. */
	recipient: string | null
	issuer: string | null
}

type XmlJs = { _?: string; $?: Record<string, string>; [child: string]: unknown }

function text(value: unknown): string | null {
	const single = Array.isArray(value) ? value[0] : value
	const raw = typeof single === 'string' ? single : (single as XmlJs | undefined)?._
	const trimmed = typeof raw === 'string' ? raw.trim() : ''
	return trimmed ? trimmed.slice(0, 8000) : null
}

/** Child elements of a base64 XML value by local name (NIA's composite values; namespaces vary by era). */
function decodeXmlValue(base64: string | null): Record<string, string> | null {
	if (!base64) return null
	try {
		const xml = Buffer.from(base64, 'base64').toString('utf8').trim()
		// CurrentAddress is a sequence of elements without a root; TRadresaID has one. Wrap both.
		const root = parseXml(`<value>${xml.replace(/^<\?xml[^>]*\?>/, '')}</value>`).documentElement as Element
		const values: Record<string, string> = {}
		const collect = (element: Element) => {
			for (let node = element.firstChild; node; node = node.nextSibling) {
				if (node.nodeType !== node.ELEMENT_NODE) continue
				const child = node as Element
				const hasElements = Array.from({ length: child.childNodes.length }, (_, index) => child.childNodes.item(index)).some(
					(n) => n?.nodeType === n?.ELEMENT_NODE,
				)
				if (hasElements) collect(child)
				else if (child.localName && child.textContent?.trim()) values[child.localName] = child.textContent.trim().slice(0, 200)
			}
		}
		collect(root)
		return Object.keys(values).length ? values : null
	} catch {
		return null
	}
}

function parseDate(value: string | null) {
	if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null
	const date = new Date(`${value}T00:00:00Z`)
	return Number.isNaN(date.getTime()) ? null : date
}

const first = (value: unknown) => (value as XmlJs[] | undefined)?.[0]

/** AuthnContextClassRef and Recipient of the verified assertion (node-saml does not put them in the profile). */
function readAssertion(profile: Profile) {
	const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion
	const context = first(first(assertion?.AuthnStatement)?.AuthnContext)
	const confirmation = first(first(first(assertion?.Subject)?.SubjectConfirmation)?.SubjectConfirmationData)
	return { loaUri: text(context?.AuthnContextClassRef), recipient: confirmation?.$?.Recipient ?? null }
}

/**
 * Reads who logged in from a node-saml profile (built only from the signed, decrypted assertion).
 * Throws NiaLoginError for an AuthnFailed answer and for a response without PersonIdentifier; the
 * level of assurance is returned for the caller to compare with the town's minimum.
 */
export function readNiaIdentity(profile: Profile): NiaIdentity {
	const attributes = (profile.attributes ?? {}) as Record<string, unknown>
	const value = (name: keyof typeof NIA_ATTRIBUTE) => text(attributes[NIA_ATTRIBUTE[name]])
	// NIA answers a cancelled or failed login with StatusCode Success and this attribute (reference §1.6).
	if (text(attributes[AUTHN_FAILED_ATTRIBUTE]) === AUTHN_FAILED_VALUE) {
		throw new NiaLoginError('authn_failed', 'NIA reported AuthnFailed: the login was cancelled or the citizen could not be verified')
	}
	const personIdentifier = value('PersonIdentifier')
	if (!personIdentifier) throw new NiaLoginError('missing_identifier', 'the assertion carries no PersonIdentifier')
	const { loaUri, recipient } = readAssertion(profile)
	return {
		personIdentifier,
		givenName: value('CurrentGivenName')?.slice(0, 200) ?? '',
		familyName: value('CurrentFamilyName')?.slice(0, 200) ?? '',
		dateOfBirth: parseDate(value('DateOfBirth')),
		email: value('eMail')?.slice(0, 320) ?? null,
		phone: value('phone')?.slice(0, 40) ?? null,
		address: decodeXmlValue(value('CurrentAddress')) as NiaAddress | null,
		addressIds: decodeXmlValue(value('TRadresaID')),
		loa: loaFromUri(loaUri),
		nameId: typeof profile.nameID === 'string' && profile.nameID ? profile.nameID : null,
		sessionIndex: typeof profile.sessionIndex === 'string' ? profile.sessionIndex : null,
		recipient,
		issuer: typeof profile.issuer === 'string' ? profile.issuer : null,
	}
}
