// IdP metadata shaped like NIA's FederationMetadata.xml (the SAML part; NIA also lists a WS-Federation
// RoleDescriptor, which an SP never needs). Signed like NIA's: rsa-sha256, exc-c14n, Signature first.
import { BINDING, NIA_ENTITY_ID, NS } from './constants'
import { certificateBody, escapeXml, newSamlId } from './xml'
import { signRootElement, type SigningKey } from './xml-signature'

export function buildSignedMetadata(options: { ssoUrl: string; sloUrl: string; key: SigningKey }) {
	const location = (url: string) => escapeXml(url)
	const xml =
		`<EntityDescriptor xmlns="${NS.md}" ID="${newSamlId()}" entityID="${NIA_ENTITY_ID}">` +
		`<IDPSSODescriptor protocolSupportEnumeration="${NS.samlp}">` +
		`<KeyDescriptor use="signing"><KeyInfo xmlns="${NS.ds}"><X509Data><X509Certificate>${certificateBody(options.key.certificate)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor>` +
		`<SingleLogoutService Binding="${BINDING.redirect}" Location="${location(options.sloUrl)}"/>` +
		`<SingleSignOnService Binding="${BINDING.redirect}" Location="${location(options.ssoUrl)}"/>` +
		`<SingleSignOnService Binding="${BINDING.post}" Location="${location(options.ssoUrl)}"/>` +
		`</IDPSSODescriptor></EntityDescriptor>`
	return `<?xml version="1.0" encoding="utf-8"?>\n${signRootElement(xml, options.key, 'first-child')}`
}
