import type { Element } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { BINDING, NS } from './nia-protocol'
import { certificateBody, certificateFromBase64, childElement, childElements, descendants, parseXml } from './xml.server'

export type IdpMetadata = {
	entityId: string
	ssoUrl: string
	sloUrl: string | null
	/** PEM; NIA rolls its certificate about once a year, so several may be listed. */
	certificates: string[]
	isSigned: boolean
}

export class IdpMetadataError extends Error {}

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'

function serviceUrl(descriptor: Element, name: string) {
	const services = childElements(descriptor, NS.md, name)
	const pick = services.find((service) => service.getAttribute('Binding') === BINDING.redirect) ?? services[0]
	return pick?.getAttribute('Location')?.trim() || null
}

function signingCertificates(descriptor: Element) {
	return childElements(descriptor, NS.md, 'KeyDescriptor')
		.filter((keyDescriptor) => (keyDescriptor.getAttribute('use') ?? 'signing') === 'signing')
		.flatMap((keyDescriptor) => descendants(keyDescriptor, NS.ds, 'X509Certificate'))
		.map((element) => {
			try {
				return certificateFromBase64(element.textContent ?? '')
			} catch {
				throw new IdpMetadataError('a signing certificate in the IdP metadata is not a readable X.509 certificate')
			}
		})
}

/**
 * Checks the metadata's enveloped signature the way NIA makes it (rsa-sha256 over the root element) and
 * returns the XML that was actually signed; the caller reads the metadata only from that. The key must
 * be one the metadata itself lists for signing, or one already trusted from an earlier copy.
 */
function verifySignature(xml: string, root: Element, signature: Element, trusted: string[]): string {
	const checker = new SignedXml()
	checker.loadSignature(signature as unknown as Node)
	const references = checker.getReferences()
	const id = root.getAttribute('ID')
	if (references.length !== 1) throw new IdpMetadataError('the metadata signature must have exactly one reference')
	const uri = references[0]!.uri ?? ''
	if (uri !== '' && (!id || uri !== `#${id}`)) throw new IdpMetadataError('the metadata signature does not cover the whole metadata')
	if (id && descendants(root.ownerDocument!, '*', '*').filter((element) => element.getAttribute('ID') === id).length !== 1) {
		throw new IdpMetadataError('the signed ID occurs more than once in the metadata')
	}
	if (checker.signatureAlgorithm !== RSA_SHA256) throw new IdpMetadataError(`the metadata is signed with ${checker.signatureAlgorithm}, not rsa-sha256`)
	const embedded = descendants(signature, NS.ds, 'X509Certificate').map((element) => certificateBody(element.textContent ?? ''))
	const candidates = trusted.filter((pem) => embedded.length === 0 || embedded.includes(certificateBody(pem)))
	for (const candidate of candidates) {
		checker.publicCert = candidate
		try {
			if (checker.checkSignature(xml)) {
				const signed = checker.getSignedReferences()[0]
				if (signed) return signed
			}
		} catch {
			// try the next certificate
		}
	}
	throw new IdpMetadataError('the metadata signature does not verify with any signing certificate of the IdP')
}

/**
 * Reads NIA's FederationMetadata (the SAML part): entityID, SSO and SLO URLs, signing certificates.
 * `previouslyTrusted` are the certificates from the copy stored before, accepted as metadata signers
 * during a rollover.
 */
export function parseIdpMetadata(xml: string, { previouslyTrusted = [] }: { previouslyTrusted?: string[] } = {}): IdpMetadata {
	let root = parseXml(xml).documentElement as Element
	if (root.namespaceURI !== NS.md || root.localName !== 'EntityDescriptor') {
		throw new IdpMetadataError(`expected md:EntityDescriptor as the root element, got ${root.localName}`)
	}
	const signatures = childElements(root, NS.ds, 'Signature')
	if (signatures.length > 1) throw new IdpMetadataError('the metadata has more than one signature')
	if (signatures.length === 1) {
		const listed = childElements(root, NS.md, 'IDPSSODescriptor').flatMap(signingCertificates)
		const signed = verifySignature(xml, root, signatures[0]!, [...listed, ...previouslyTrusted])
		root = parseXml(signed).documentElement as Element
	}
	const entityId = root.getAttribute('entityID')?.trim()
	if (!entityId) throw new IdpMetadataError('the metadata has no entityID')
	const descriptor = childElement(root, NS.md, 'IDPSSODescriptor')
	if (!descriptor) throw new IdpMetadataError('the metadata has no IDPSSODescriptor (it does not describe a SAML identity provider)')
	const ssoUrl = serviceUrl(descriptor, 'SingleSignOnService')
	if (!ssoUrl) throw new IdpMetadataError('the metadata has no SingleSignOnService')
	const certificates = signingCertificates(descriptor)
	if (!certificates.length) throw new IdpMetadataError('the metadata lists no signing certificate')
	for (const url of [ssoUrl, serviceUrl(descriptor, 'SingleLogoutService')]) {
		if (url && !/^https?:\/\//.test(url)) throw new IdpMetadataError(`${url} is not an http(s) URL`)
	}
	return { entityId, ssoUrl, sloUrl: serviceUrl(descriptor, 'SingleLogoutService'), certificates, isSigned: signatures.length === 1 }
}
