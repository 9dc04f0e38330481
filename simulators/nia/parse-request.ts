// Decoding (binding) and reading (XML) of the requests a SeP sends to NIA.
import { inflateRawSync } from 'node:zlib'
import type { Element } from '@xmldom/xmldom'
import { NS } from './constants'
import type { AuthnRequestDetails, LogoutRequestDetails, RacComparison, RequestedAttribute } from './types'
import { childElement, childElements, childText } from './xml'

export class BindingError extends Error {}

const MAX_MESSAGE_BYTES = 256 * 1024

function base64ToBuffer(value: string) {
	if (!/^[A-Za-z0-9+/=\s]+$/.test(value)) throw new BindingError('SAMLRequest is not base64')
	return Buffer.from(value, 'base64')
}

/** HTTP-Redirect: base64 of raw DEFLATE (SAML bindings §3.4.4.1). Bounded, so a deflate bomb cannot hurt. */
export function decodeRedirectMessage(value: string) {
	try {
		return inflateRawSync(base64ToBuffer(value), { maxOutputLength: MAX_MESSAGE_BYTES }).toString('utf8')
	} catch (error) {
		if (error instanceof BindingError) throw error
		throw new BindingError('SAMLRequest in the HTTP-Redirect binding must be deflated, then base64-encoded')
	}
}

/**
 * HTTP-POST: plain base64 of the XML (§3.5.4), never deflated. node-saml deflates POST messages unless
 * `skipRequestCompression: true`; NIA would not read that, so neither does the simulator.
 */
export function decodePostMessage(value: string) {
	const text = base64ToBuffer(value).toString('utf8').trimStart()
	if (!text.startsWith('<')) {
		throw new BindingError('SAMLRequest in the HTTP-POST binding must be base64 of the XML, not deflated (node-saml: skipRequestCompression: true)')
	}
	return text
}

export function readCommonFields(root: Element) {
	return {
		id: root.getAttribute('ID') ?? undefined,
		version: root.getAttribute('Version') ?? undefined,
		issuer: childText(root, NS.saml, 'Issuer'),
		destination: root.getAttribute('Destination') ?? undefined,
		issueInstant: root.getAttribute('IssueInstant') ?? undefined,
	}
}

const COMPARISONS: readonly RacComparison[] = ['exact', 'minimum', 'maximum', 'better']

function readRequestedAttributes(extensions: Element | undefined): RequestedAttribute[] {
	const container = extensions && childElement(extensions, NS.eidas, 'RequestedAttributes')
	if (!container) return []
	return childElements(container, NS.eidas, 'RequestedAttribute').map((element) => ({
		name: element.getAttribute('Name') ?? '',
		isRequired: element.getAttribute('isRequired') === 'true' || element.getAttribute('isRequired') === '1',
		values: childElements(element, NS.eidas, 'AttributeValue').map((value) => value.textContent?.trim() ?? ''),
	}))
}

export function readAuthnRequestDetails(root: Element): AuthnRequestDetails {
	const extensions = childElement(root, NS.samlp, 'Extensions')
	const context = childElement(root, NS.samlp, 'RequestedAuthnContext')
	const policy = childElement(root, NS.samlp, 'NameIDPolicy')
	const comparison = context?.getAttribute('Comparison') || 'exact' // the SAML default when absent
	const flag = (name: string) => root.getAttribute(name) === 'true' || root.getAttribute(name) === '1'
	return {
		acsUrl: root.getAttribute('AssertionConsumerServiceURL') ?? undefined,
		protocolBinding: root.getAttribute('ProtocolBinding') ?? undefined,
		forceAuthn: flag('ForceAuthn'),
		isPassive: flag('IsPassive'),
		requestedAuthnContext: context && {
			comparison: (COMPARISONS as readonly string[]).includes(comparison) ? (comparison as RacComparison) : 'exact',
			classRefs: childElements(context, NS.saml, 'AuthnContextClassRef').map((ref) => ref.textContent?.trim() ?? ''),
		},
		spType: extensions && childText(extensions, NS.eidas, 'SPType'),
		requestedAttributes: readRequestedAttributes(extensions),
		nameIdPolicy: policy && {
			format: policy.getAttribute('Format') ?? undefined,
			allowCreate: policy.hasAttribute('AllowCreate') ? policy.getAttribute('AllowCreate') === 'true' : undefined,
		},
	}
}

export function readLogoutRequestDetails(root: Element): Omit<LogoutRequestDetails, 'matchesIssuedSession'> {
	const nameId = childElement(root, NS.saml, 'NameID')
	return {
		nameId: nameId?.textContent?.trim() ?? undefined,
		nameIdFormat: nameId?.getAttribute('Format') ?? undefined,
		sessionIndex: childText(root, NS.samlp, 'SessionIndex'),
	}
}
