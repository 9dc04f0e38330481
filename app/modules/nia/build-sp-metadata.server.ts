import { randomUUID } from 'node:crypto'
import { SignedXml } from 'xml-crypto'
import type { NiaConfig } from './get-nia-config.server'
import { BINDING, NAMEID_PERSISTENT, NS } from './nia-protocol'
import { certificateBody, escapeXml } from './xml.server'

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256'
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#'

function keyDescriptor(use: 'signing' | 'encryption', certificate: string) {
	const method = use === 'encryption' ? `<md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/>` : ''
	return `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>${method}</md:KeyDescriptor>`
}

/**
 * The town's SeP metadata in the eIDAS SAML Message Format §6.1 shape NIA's example uses: signed
 * AuthnRequests and assertions wanted, signing and encryption keys, eidas:SPType public, the ACS
 * (HTTP-POST) and the logout return address. Signed with the SP key so NIA can pick up a rollover.
 */
export function buildSpMetadata(config: Pick<NiaConfig, 'spIssuer' | 'acsUrl' | 'logoutReturnUrl' | 'spCertificate' | 'spPrivateKey'>) {
	const xml =
		`<md:EntityDescriptor xmlns:md="${NS.md}" xmlns:ds="${NS.ds}" ID="_${randomUUID()}" entityID="${escapeXml(config.spIssuer)}">` +
		`<md:Extensions>` +
		`<eidas:SPType xmlns:eidas="${NS.eidas}">public</eidas:SPType>` +
		`<alg:DigestMethod xmlns:alg="${NS.alg}" Algorithm="${SHA256}"/>` +
		`<alg:SigningMethod xmlns:alg="${NS.alg}" Algorithm="${RSA_SHA256}" MinKeySize="2048"/>` +
		`</md:Extensions>` +
		`<md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="${NS.samlp}">` +
		keyDescriptor('signing', config.spCertificate) +
		keyDescriptor('encryption', config.spCertificate) +
		`<md:SingleLogoutService Binding="${BINDING.post}" Location="${escapeXml(config.logoutReturnUrl)}"/>` +
		`<md:NameIDFormat>${NAMEID_PERSISTENT}</md:NameIDFormat>` +
		`<md:AssertionConsumerService Binding="${BINDING.post}" Location="${escapeXml(config.acsUrl)}" index="0" isDefault="true"/>` +
		`</md:SPSSODescriptor></md:EntityDescriptor>`
	const signer = new SignedXml({
		privateKey: config.spPrivateKey,
		publicCert: config.spCertificate,
		signatureAlgorithm: RSA_SHA256,
		canonicalizationAlgorithm: EXC_C14N,
	})
	signer.addReference({ xpath: '/*', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', EXC_C14N], digestAlgorithm: SHA256 })
	// The schema wants ds:Signature as the first child of EntityDescriptor.
	signer.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'prepend' } })
	return `<?xml version="1.0" encoding="UTF-8"?>\n${signer.getSignedXml()}`
}
