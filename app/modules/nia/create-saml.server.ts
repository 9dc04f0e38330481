import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml'
import type { NiaConfig } from './get-nia-config.server'
import { CLOCK_SKEW_MS, EIDAS_REQUEST_EXTENSIONS, LOA_URI, NAMEID_PERSISTENT, REQUEST_ID_LIFETIME_MS } from './nia-protocol'

type ReadyConfig = NiaConfig & { idp: NonNullable<NiaConfig['idp']> }

export function isReady(config: NiaConfig | null): config is ReadyConfig {
	return Boolean(config?.idp)
}

/**
 * A node-saml service provider for one town and one HTTP request (the cache provider holds that
 * request's claim on an AuthnRequest id). Everything NIA requires is switched on here: signed
 * AuthnRequest (RSA-SHA256) with the eIDAS extensions, RequestedAuthnContext "minimum" the town's LoA,
 * signed Response and Assertion, encrypted Assertion, audience = our issuer, InResponseTo always.
 */
export function createSaml(config: ReadyConfig, cacheProvider: CacheProvider) {
	return new SAML({
		issuer: config.spIssuer,
		callbackUrl: config.acsUrl,
		audience: config.spIssuer,
		entryPoint: config.idp.ssoUrl,
		logoutUrl: config.idp.sloUrl ?? config.idp.ssoUrl,
		idpCert: config.idp.certificates,
		idpIssuer: config.idp.entityId,
		privateKey: config.spPrivateKey,
		publicCert: config.spCertificate,
		decryptionPvk: config.spPrivateKey,
		signatureAlgorithm: 'sha256',
		digestAlgorithm: 'sha256',
		wantAuthnResponseSigned: true,
		wantAssertionsSigned: true,
		identifierFormat: NAMEID_PERSISTENT,
		allowCreate: true,
		authnContext: [LOA_URI[config.minimumLoa]],
		racComparison: 'minimum',
		samlAuthnRequestExtensions: EIDAS_REQUEST_EXTENSIONS,
		acceptedClockSkewMs: CLOCK_SKEW_MS,
		validateInResponseTo: ValidateInResponseTo.always,
		requestIdExpirationPeriodMs: REQUEST_ID_LIFETIME_MS,
		cacheProvider,
	})
}
