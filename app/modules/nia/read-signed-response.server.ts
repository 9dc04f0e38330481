import type { Element } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { NiaLoginError } from './nia-login-error'
import { NS } from './nia-protocol'
import { childElements, descendants, parseXml, XmlError } from './xml.server'

export type SignedResponseFacts = { destination: string | null; inResponseTo: string | null; issuer: string | null }

/**
 * node-saml verifies the Response signature but exposes nothing of the Response itself, and it does not
 * check Destination. We read Destination, InResponseTo and Issuer again, from the bytes the IdP signed
 * (never from the envelope around them), with the same anti-wrapping rules: one Signature, a direct
 * child of the root, one Reference, pointing at the root's ID, which occurs once.
 */
export function readSignedResponse(samlResponse: string, certificates: string[]): SignedResponseFacts {
	let root: Element
	const xml = Buffer.from(samlResponse, 'base64').toString('utf8')
	try {
		root = parseXml(xml).documentElement as Element
	} catch (error) {
		throw new NiaLoginError('malformed', error instanceof XmlError ? error.message : 'the response is not XML')
	}
	if (root.namespaceURI !== NS.samlp || root.localName !== 'Response') throw new NiaLoginError('malformed', `expected samlp:Response, got ${root.localName}`)
	const signatures = childElements(root, NS.ds, 'Signature')
	if (signatures.length !== 1) throw new NiaLoginError('signature', `the Response has ${signatures.length} signatures, expected 1`)
	const id = root.getAttribute('ID')
	const sameId = descendants(root.ownerDocument!, '*', '*').filter((element) => element.getAttribute('ID') === id)
	if (!id || sameId.length !== 1) throw new NiaLoginError('signature', 'the Response ID is missing or not unique')
	for (const certificate of certificates) {
		const checker = new SignedXml({ publicCert: certificate })
		try {
			checker.loadSignature(signatures[0] as unknown as Node)
			const references = checker.getReferences()
			if (references.length !== 1 || references[0]!.uri !== `#${id}`)
				throw new NiaLoginError('signature', 'the Response signature does not reference the Response')
			if (!checker.checkSignature(xml)) continue
			const signed = parseXml(checker.getSignedReferences()[0] ?? '').documentElement as Element
			if (signed.localName !== 'Response' || signed.getAttribute('ID') !== id) throw new NiaLoginError('signature', 'the signed element is not the Response')
			const issuer = childElements(signed, NS.saml, 'Issuer')[0]?.textContent?.trim() ?? null
			return { destination: signed.getAttribute('Destination') || null, inResponseTo: signed.getAttribute('InResponseTo') || null, issuer }
		} catch (error) {
			if (error instanceof NiaLoginError) throw error
			// a certificate that does not fit: try the next one (rollover)
		}
	}
	throw new NiaLoginError('signature', 'the Response signature does not verify with the IdP certificates')
}
