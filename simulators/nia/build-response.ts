// The samlp:Response NIA posts to the ACS, and the LogoutResponse it posts after logout.
// Assertion: signed, then encrypted to the SeP; Response: signed around the EncryptedAssertion.
import type { ReleasedAttribute } from './attributes'
import {
	ASSERTION_LIFETIME_MS,
	ATTRNAME_FORMAT_URI,
	AUTHN_FAILED_ATTRIBUTE,
	AUTHN_FAILED_VALUE,
	LOA_URI,
	NAMEID_PERSISTENT,
	NIA_ENTITY_ID,
	NS,
	STATUS_SUCCESS,
	type LoaLevel,
} from './constants'
import { encryptAssertion } from './encrypt-assertion'
import type { ResponseFault } from './types'
import { escapeXml, newSamlId, samlInstant } from './xml'
import { signRootElement, type SigningKey } from './xml-signature'

export type LoginOutcome =
	| { kind: 'authenticated'; loa: LoaLevel; nameId: string; sessionIndex: string; attributes: ReleasedAttribute[] }
	/** Cancelled, or no acceptable login: NIA still answers Success, with AuthnFailed inside the assertion. */
	| { kind: 'failed' }

export interface ResponseInput {
	requestId: string
	acsUrl: string
	/** The SeP's registered issuer: the Audience. */
	audience: string
	encryptionCert: string
	outcome: LoginOutcome
	key: SigningKey
	now: Date
	fault?: ResponseFault
	/** Used for the `wrong-key` fault. */
	foreignKey?: SigningKey
}

const WRONG_AUDIENCE = 'urn:nia-simulator:someone-else'

function attributeXml(attribute: Pick<ReleasedAttribute, 'name' | 'friendlyName' | 'value' | 'type'>) {
	return (
		`<saml:Attribute Name="${escapeXml(attribute.name)}" NameFormat="${ATTRNAME_FORMAT_URI}" FriendlyName="${escapeXml(attribute.friendlyName)}">` +
		`<saml:AttributeValue xsi:type="${attribute.type}">${escapeXml(attribute.value)}</saml:AttributeValue></saml:Attribute>`
	)
}

function buildAssertion(input: ResponseInput, issueInstant: Date) {
	const { outcome } = input
	const instant = samlInstant(issueInstant)
	const notOnOrAfter = samlInstant(new Date(issueInstant.getTime() + ASSERTION_LIFETIME_MS))
	const audience = input.fault === 'wrong-audience' ? WRONG_AUDIENCE : input.audience
	const nameId = outcome.kind === 'authenticated' ? `<saml:NameID Format="${NAMEID_PERSISTENT}">${escapeXml(outcome.nameId)}</saml:NameID>` : ''
	const attributes =
		outcome.kind === 'authenticated'
			? outcome.attributes.map(attributeXml)
			: [attributeXml({ name: AUTHN_FAILED_ATTRIBUTE, friendlyName: 'statuscode', value: AUTHN_FAILED_VALUE, type: 'xs:string' })]
	const authnStatement =
		outcome.kind === 'authenticated'
			? `<saml:AuthnStatement AuthnInstant="${instant}" SessionIndex="${escapeXml(outcome.sessionIndex)}">` +
				`<saml:AuthnContext><saml:AuthnContextClassRef>${LOA_URI[outcome.loa]}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`
			: ''
	return (
		`<saml:Assertion xmlns:saml="${NS.saml}" xmlns:xsi="${NS.xsi}" xmlns:xs="${NS.xs}" xmlns:eidas-natural="${NS.eidasNatural}" ` +
		`ID="${newSamlId()}" Version="2.0" IssueInstant="${instant}">` +
		`<saml:Issuer>${NIA_ENTITY_ID}</saml:Issuer>` +
		`<saml:Subject>${nameId}<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
		`<saml:SubjectConfirmationData InResponseTo="${escapeXml(input.requestId)}" NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(input.acsUrl)}"/>` +
		`</saml:SubjectConfirmation></saml:Subject>` +
		`<saml:Conditions NotBefore="${instant}" NotOnOrAfter="${notOnOrAfter}">` +
		`<saml:AudienceRestriction><saml:Audience>${escapeXml(audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
		authnStatement +
		`<saml:AttributeStatement>${attributes.join('')}</saml:AttributeStatement>` +
		`</saml:Assertion>`
	)
}

export function buildSamlResponse(input: ResponseInput) {
	// `expired`: everything dated ten minutes ago, so NotOnOrAfter is five minutes gone.
	const issueInstant = input.fault === 'expired' ? new Date(input.now.getTime() - 2 * ASSERTION_LIFETIME_MS) : input.now
	const signingKey = input.fault === 'wrong-key' ? input.foreignKey : input.key
	if (!signingKey) throw new Error('the wrong-key fault needs a foreign key')
	const sign = (xml: string) => (input.fault === 'unsigned' ? xml : signRootElement(xml, signingKey))

	const assertion = sign(buildAssertion(input, issueInstant))
	const response =
		`<samlp:Response xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${newSamlId()}" Version="2.0" ` +
		`IssueInstant="${samlInstant(issueInstant)}" Destination="${escapeXml(input.acsUrl)}" InResponseTo="${escapeXml(input.requestId)}">` +
		`<saml:Issuer>${NIA_ENTITY_ID}</saml:Issuer>` +
		`<samlp:Status><samlp:StatusCode Value="${STATUS_SUCCESS}"/></samlp:Status>` +
		encryptAssertion(assertion, input.encryptionCert) +
		`</samlp:Response>`
	return `<?xml version="1.0" encoding="utf-8"?>${sign(response)}`
}

/** NIA's LogoutResponse: unsigned, Status Success meaning only "processed" (reference §1.7). */
export function buildLogoutResponse(input: { requestId: string; destination: string; now: Date }) {
	return (
		`<?xml version="1.0" encoding="utf-8"?>` +
		`<samlp:LogoutResponse xmlns:samlp="${NS.samlp}" ID="${newSamlId()}" Version="2.0" IssueInstant="${samlInstant(input.now)}" ` +
		`InResponseTo="${escapeXml(input.requestId)}" Destination="${escapeXml(input.destination)}">` +
		`<saml:Issuer xmlns:saml="${NS.saml}">${NIA_ENTITY_ID}</saml:Issuer>` +
		`<samlp:Status><samlp:StatusCode Value="${STATUS_SUCCESS}"/></samlp:Status></samlp:LogoutResponse>`
	)
}
