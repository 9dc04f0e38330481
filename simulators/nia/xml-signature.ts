// XML signatures the way NIA makes and checks them: enveloped, exc-c14n, rsa-sha256, sha256 digest,
// signer's certificate in KeyInfo; and the HTTP-Redirect query-string signature.
import { createPublicKey, verify as verifyRaw } from 'node:crypto'
import type { Document, Element } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { ALGORITHM, NS } from './constants'
import { childElements, elementsWithId, parseXml } from './xml'

export interface SigningKey {
	privateKey: string
	certificate: string
}

/**
 * Signs the root element of `xml` (which must carry an `ID`) and places the Signature right after its
 * Issuer child, where the SAML schema wants it (after the first child for metadata, which has no Issuer).
 */
export function signRootElement(xml: string, key: SigningKey, placement: 'after-issuer' | 'first-child' = 'after-issuer') {
	const signer = new SignedXml({
		privateKey: key.privateKey,
		publicCert: key.certificate,
		signatureAlgorithm: ALGORITHM.rsaSha256,
		canonicalizationAlgorithm: ALGORITHM.excC14n,
	})
	signer.addReference({
		xpath: '/*',
		transforms: [ALGORITHM.envelopedSignature, ALGORITHM.excC14n],
		digestAlgorithm: ALGORITHM.sha256,
	})
	const location =
		placement === 'after-issuer'
			? { reference: `/*/*[local-name()='Issuer' and namespace-uri()='${NS.saml}']`, action: 'after' as const }
			: { reference: '/*', action: 'prepend' as const }
	signer.computeSignature(xml, { location })
	return signer.getSignedXml()
}

export type RootSignatureCheck =
	{ present: false; valid: false; error: string } | { present: true; valid: false; error: string } | { present: true; valid: true; signedXml: string }

/**
 * Verifies an enveloped signature on the document's root element with `certificate`, refusing the
 * signature-wrapping shapes: the Signature must be a direct child of the root, hold exactly one
 * Reference, and that Reference must point at the root's ID, which no other element may share.
 * On success returns the canonical XML that was actually signed: callers read the message from it.
 */
export function verifyRootSignature(xml: string, document: Document, certificate: string): RootSignatureCheck {
	const root = document.documentElement as Element
	const signatures = childElements(root, NS.ds, 'Signature')
	if (signatures.length === 0) return { present: false, valid: false, error: 'the message is not signed' }
	if (signatures.length > 1) return { present: true, valid: false, error: 'the message has more than one Signature' }
	const checker = new SignedXml({ publicCert: certificate })
	try {
		checker.loadSignature(signatures[0] as unknown as Node)
		const references = checker.getReferences()
		if (references.length !== 1) return { present: true, valid: false, error: 'the Signature must have exactly one Reference' }
		const id = root.getAttribute('ID')
		if (!id || references[0].uri !== `#${id}`) return { present: true, valid: false, error: 'the Signature does not reference the root element' }
		if (elementsWithId(document, id).length !== 1) return { present: true, valid: false, error: 'the signed ID occurs more than once' }
		if (references[0].transforms.length > 2) return { present: true, valid: false, error: 'the Signature has too many transforms' }
		if (checker.signatureAlgorithm !== ALGORITHM.rsaSha256) {
			return { present: true, valid: false, error: `signature algorithm ${checker.signatureAlgorithm} is not rsa-sha256` }
		}
		if (!checker.checkSignature(xml)) return { present: true, valid: false, error: 'the signature does not verify' }
		const signedXml = checker.getSignedReferences()[0]
		if (!signedXml) return { present: true, valid: false, error: 'nothing was signed' }
		// The signed bytes must themselves be the root element, not some other copy of it.
		if (parseXml(signedXml).documentElement?.localName !== root.localName) {
			return { present: true, valid: false, error: 'the signed element is not the root element' }
		}
		return { present: true, valid: true, signedXml }
	} catch (error) {
		return { present: true, valid: false, error: `the signature does not verify (${error instanceof Error ? error.message : String(error)})` }
	}
}

export type RedirectSignatureCheck = { present: boolean; valid: boolean; sigAlg?: string; error?: string }

/**
 * HTTP-Redirect binding signature (SAML bindings §3.4.4.1): RSA over `SAMLRequest=…&RelayState=…&SigAlg=…`
 * exactly as the parameters arrived, still URL-encoded. Re-encoding decoded values would accept messages
 * that NIA refuses (and refuse some it accepts), so the raw query string is used.
 */
export function verifyRedirectSignature(rawQuery: string, certificate: string): RedirectSignatureCheck {
	const pairs = rawQuery.split('&')
	const raw = (name: string) => {
		const found = pairs.filter((pair) => pair.startsWith(`${name}=`))
		if (found.length > 1) throw new Error(`the query has ${name} more than once`)
		return found[0]
	}
	try {
		const message = raw('SAMLRequest') ?? raw('SAMLResponse')
		const relayState = raw('RelayState')
		const sigAlg = raw('SigAlg')
		const signature = raw('Signature')
		if (!signature || !sigAlg) return { present: false, valid: false, error: 'the request has no Signature/SigAlg (NIA requires signed requests)' }
		const decode = (pair: string) => decodeURIComponent(pair.slice(pair.indexOf('=') + 1).replace(/\+/g, ' '))
		const algorithm = decode(sigAlg)
		if (algorithm !== ALGORITHM.rsaSha256) return { present: true, valid: false, sigAlg: algorithm, error: `SigAlg ${algorithm} is not rsa-sha256` }
		const signedText = [message, relayState, sigAlg].filter(Boolean).join('&')
		const valid = verifyRaw('sha256', Buffer.from(signedText), createPublicKey(certificate), Buffer.from(decode(signature), 'base64'))
		return valid
			? { present: true, valid: true, sigAlg: algorithm }
			: { present: true, valid: false, sigAlg: algorithm, error: 'the query-string signature does not verify with the registered certificate' }
	} catch (error) {
		return { present: true, valid: false, error: error instanceof Error ? error.message : String(error) }
	}
}
