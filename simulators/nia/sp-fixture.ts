// A node-saml service provider configured the way a SeP talks to NIA, for the simulator's own tests (and
// as a worked example for the portal's SP code). Keys are made per test file with node:crypto.
import { SAML, type SamlConfig } from '@node-saml/node-saml'
import { ATTRNAME_FORMAT_URI, LOA_URI, NIA_ATTRIBUTE, NIA_ENTITY_ID, NS } from './constants'
import type { NiaSimulator } from './index'
import { createSelfSignedCertificate, type KeyAndCertificate } from './self-signed-cert'

export interface SpKeys {
	signing: KeyAndCertificate
	encryption: KeyAndCertificate
}

export async function createSpKeys(): Promise<SpKeys> {
	const [signing, encryption] = await Promise.all([
		createSelfSignedCertificate({ commonName: 'SeP signing (test)' }),
		createSelfSignedCertificate({ commonName: 'SeP encryption (test)' }),
	])
	return { signing, encryption }
}

export const SP_ISSUER = 'https://veseli.localhost/nia'
export const SP_ACS_URL = 'http://veseli.localhost:3000/auth/nia/acs'
export const SP_LOGOUT_RETURN_URL = 'http://veseli.localhost:3000/auth/nia/logged-out'

/** The attributes a municipal portal asks for; isAgeOver carries its threshold as eidas:AttributeValue. */
const REQUESTED: [keyof typeof NIA_ATTRIBUTE, boolean, string?][] = [
	['PersonIdentifier', true],
	['CurrentGivenName', true],
	['CurrentFamilyName', true],
	['DateOfBirth', true],
	['CurrentAddress', false],
	['tradresaid', false],
	['eMail', false],
	['phonenumber', false],
	['isAgeOver', false, '18'],
]

/** node-saml `samlAuthnRequestExtensions` in xmlbuilder's object form: eidas:SPType + eidas:RequestedAttributes. */
export const EIDAS_EXTENSIONS = {
	'eidas:SPType': { '@xmlns:eidas': NS.eidas, '#text': 'public' },
	'eidas:RequestedAttributes': {
		'@xmlns:eidas': NS.eidas,
		'eidas:RequestedAttribute': REQUESTED.map(([name, isRequired, value]) => ({
			'@Name': NIA_ATTRIBUTE[name],
			'@NameFormat': ATTRNAME_FORMAT_URI,
			'@isRequired': String(isRequired),
			...(value ? { 'eidas:AttributeValue': value } : {}),
		})),
	},
}

export function spConfig(simulator: NiaSimulator, keys: SpKeys): SamlConfig {
	return {
		issuer: SP_ISSUER,
		callbackUrl: SP_ACS_URL,
		entryPoint: simulator.ssoUrl,
		logoutUrl: simulator.sloUrl,
		idpCert: simulator.signingCert,
		idpIssuer: NIA_ENTITY_ID,
		privateKey: keys.signing.privateKey,
		publicCert: keys.signing.certificate,
		decryptionPvk: keys.encryption.privateKey,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'sha256',
		wantAssertionsSigned: true,
		wantAuthnResponseSigned: true,
		audience: SP_ISSUER,
		identifierFormat: null,
		disableRequestedAuthnContext: false,
		authnContext: [LOA_URI.substantial],
		racComparison: 'minimum',
		validateInResponseTo: 'always' as SamlConfig['validateInResponseTo'],
		samlAuthnRequestExtensions: EIDAS_EXTENSIONS,
	}
}

export function createTestSp(simulator: NiaSimulator, keys: SpKeys, overrides: Partial<SamlConfig> = {}) {
	return new SAML({ ...spConfig(simulator, keys), ...overrides })
}

export function registerTestSp(simulator: NiaSimulator, keys: SpKeys) {
	simulator.registerSep({
		issuer: SP_ISSUER,
		acsUrl: SP_ACS_URL,
		logoutReturnUrl: SP_LOGOUT_RETURN_URL,
		signingCert: keys.signing.certificate,
		encryptionCert: keys.encryption.certificate,
	})
}
