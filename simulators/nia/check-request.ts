// Everything NIA checks before it shows a login page or logs anyone out. The outcome is a ReceivedMessage
// (what tests assert on); `accepted` is true only when every check passed.
import type { Element } from '@xmldom/xmldom'
import { ALGORITHM, BINDING, NS, REQUEST_MAX_AGE_MS, REQUEST_MAX_SKEW_MS } from './constants'
import { loaFromUri } from './loa'
import { BindingError, decodePostMessage, decodeRedirectMessage, readAuthnRequestDetails, readCommonFields, readLogoutRequestDetails } from './parse-request'
import type { ReceivedMessage, SepRegistration } from './types'
import { parseXml, XmlError } from './xml'
import { verifyRedirectSignature, verifyRootSignature } from './xml-signature'

export interface IncomingRequest {
	binding: 'HTTP-Redirect' | 'HTTP-POST'
	samlRequest: string
	relayState?: string
	/** The query string exactly as received (Redirect binding: the signature covers it). */
	rawQuery?: string
}

export interface CheckContext {
	ssoUrl: string
	findSep(issuer: string): SepRegistration | undefined
	now: Date
}

export interface CheckedRequest {
	received: ReceivedMessage
	/** Set when the issuer is registered. */
	sep?: SepRegistration
}

const sameUrl = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() // NIA matches /FPSTS/ and /fpsts/ alike

function checkInstant(issueInstant: string | undefined, now: Date, errors: string[]) {
	const time = issueInstant ? Date.parse(issueInstant) : NaN
	if (Number.isNaN(time)) errors.push('IssueInstant is missing or not a date')
	else if (now.getTime() - time > REQUEST_MAX_AGE_MS) errors.push(`IssueInstant ${issueInstant} is more than 5 minutes old`)
	else if (time - now.getTime() > REQUEST_MAX_SKEW_MS) errors.push(`IssueInstant ${issueInstant} is in the future`)
}

function checkAuthnDetails(received: ReceivedMessage, sep: SepRegistration | undefined, errors: string[]) {
	const authn = received.authn!
	if (sep && authn.acsUrl && authn.acsUrl !== sep.acsUrl) {
		errors.push(`AssertionConsumerServiceURL ${authn.acsUrl} is not the registered one (${sep.acsUrl})`)
	}
	if (authn.protocolBinding && authn.protocolBinding !== BINDING.post) errors.push(`ProtocolBinding must be HTTP-POST, not ${authn.protocolBinding}`)
	const context = authn.requestedAuthnContext
	if (context && !context.classRefs.some((ref) => loaFromUri(ref))) {
		errors.push('RequestedAuthnContext names no eIDAS level (http://eidas.europa.eu/LoA/low|substantial|high)')
	}
}

export function checkIncomingRequest(incoming: IncomingRequest, context: CheckContext): CheckedRequest {
	const received: ReceivedMessage = {
		kind: 'unknown',
		binding: incoming.binding,
		receivedAt: context.now,
		relayState: incoming.relayState,
		signature: { present: false, valid: false },
		accepted: false,
		errors: [],
	}
	const errors = received.errors
	let root: Element
	try {
		received.xml = incoming.binding === 'HTTP-Redirect' ? decodeRedirectMessage(incoming.samlRequest) : decodePostMessage(incoming.samlRequest)
		root = parseXml(received.xml).documentElement as Element
	} catch (error) {
		if (error instanceof BindingError || error instanceof XmlError) errors.push(error.message)
		else throw error
		return { received }
	}
	if (root.namespaceURI !== NS.samlp || (root.localName !== 'AuthnRequest' && root.localName !== 'LogoutRequest')) {
		errors.push(`expected samlp:AuthnRequest or samlp:LogoutRequest, got ${root.localName}`)
		return { received }
	}
	received.kind = root.localName
	const { version, ...common } = readCommonFields(root)
	Object.assign(received, common)
	const sep = received.issuer ? context.findSep(received.issuer) : undefined
	if (!received.issuer) errors.push('the request has no Issuer')
	else if (!sep) errors.push(`the service provider ${received.issuer} is not registered with NIA`)

	if (sep) {
		if (incoming.binding === 'HTTP-Redirect') {
			const check = verifyRedirectSignature(incoming.rawQuery ?? '', sep.signingCert)
			received.signature = { present: check.present, valid: check.valid, sigAlg: check.sigAlg }
			if (check.error) errors.push(check.error)
		} else {
			const check = verifyRootSignature(received.xml, root.ownerDocument!, sep.signingCert)
			received.signature = { present: check.present, valid: check.valid, sigAlg: check.valid ? ALGORITHM.rsaSha256 : undefined }
			if (!check.valid) errors.push(check.error)
			// Read the request from the bytes that were signed, never from the envelope around them.
			else root = parseXml(check.signedXml).documentElement as Element
		}
	}
	if (received.kind === 'LogoutRequest' && incoming.binding !== 'HTTP-Redirect') errors.push('NIA takes LogoutRequest only in the HTTP-Redirect binding')
	if (!received.id) errors.push('the request has no ID')
	if (version !== '2.0') errors.push('Version must be 2.0')
	if (!received.destination) errors.push('the request has no Destination (NIA requires it)')
	else if (!sameUrl(received.destination, context.ssoUrl)) errors.push(`Destination ${received.destination} is not ${context.ssoUrl}`)
	checkInstant(received.issueInstant, context.now, errors)

	if (received.kind === 'AuthnRequest') {
		received.authn = readAuthnRequestDetails(root)
		checkAuthnDetails(received, sep, errors)
	} else {
		received.logout = { ...readLogoutRequestDetails(root), matchesIssuedSession: false }
		if (!received.logout.nameId) errors.push('the LogoutRequest has no NameID')
	}
	received.accepted = errors.length === 0
	return { received, sep }
}
