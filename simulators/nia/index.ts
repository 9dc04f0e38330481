// The NIA simulator: a SAML 2.0 eIDAS IdP that behaves like Národní identitní autorita, with fake citizens.
// See README.md beside this file for how to drive a login from a test.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { METADATA_PATH, NIA_ENTITY_ID, SSO_PATH } from './constants'
import { buildSignedMetadata } from './metadata'
import { createNiaApp, registerSep, type NiaState } from './nia-app'
import { assertKeyMatchesCertificate, createSelfSignedCertificate } from './self-signed-cert'
import { defaultKeyDir, loadOrCreateSigningKeys } from './signing-keys'
import type { NiaSimulator, NiaSimulatorOptions, SepRegistration } from './types'
import type { SigningKey } from './xml-signature'

export * from './types'
export {
	ATTRNAME_FORMAT_URI,
	AUTHN_FAILED_ATTRIBUTE,
	AUTHN_FAILED_VALUE,
	CHOOSE_PATH,
	LOA_URI,
	NIA_ATTRIBUTE,
	NIA_ENTITY_ID,
	type LoaLevel,
	type NiaAttributeName,
} from './constants'
export { PERSONAS, TOWNS, findPersona, type NiaPersona, type PersonaAddress, type PersonaId, type Town } from './personas'
export { createSelfSignedCertificate, type KeyAndCertificate } from './self-signed-cert'
export { loginThroughSimulator, parseAutoPostForm, readErrorPage, type AutoPostForm, type LoginThroughSimulatorOptions } from './test-client'

async function resolveSigningKey(options: NiaSimulatorOptions): Promise<SigningKey> {
	if (options.signingKey || options.signingCert) {
		if (!options.signingKey || !options.signingCert) throw new Error('NIA simulator: pass signingKey and signingCert together')
		assertKeyMatchesCertificate(options.signingKey, options.signingCert)
		return { privateKey: options.signingKey, certificate: options.signingCert }
	}
	return loadOrCreateSigningKeys(options.keyDir ?? defaultKeyDir())
}

export async function startNiaSimulator(options: NiaSimulatorOptions = {}): Promise<NiaSimulator> {
	if (process.env.NODE_ENV === 'production' && !options.force) {
		throw new Error(
			'The NIA simulator hands out made-up identities and must not run in production (NODE_ENV=production). ' +
				'Pass { force: true } only if you really mean it.',
		)
	}
	const key = await resolveSigningKey(options)
	const host = options.host ?? '127.0.0.1'
	const server = http.createServer()
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(options.port ?? 0, host, () => resolve())
	})
	const { port } = server.address() as AddressInfo
	const url = (options.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '')
	const ssoUrl = `${url}${SSO_PATH}`

	let foreignKey: Promise<SigningKey> | undefined
	const seps = new Map<string, SepRegistration>()
	const state: NiaState = {
		ssoUrl,
		metadataXml: buildSignedMetadata({ ssoUrl, sloUrl: ssoUrl, key }),
		seps,
		findSep: (issuer) => seps.get(issuer),
		flows: new Map(),
		sessions: new Map(),
		received: [],
		key,
		foreignKey: () =>
			(foreignKey ??= createSelfSignedCertificate({ commonName: 'Not NIA' }).then((pair) => ({ privateKey: pair.privateKey, certificate: pair.certificate }))),
	}
	server.on('request', createNiaApp(state))

	return {
		url,
		entityId: NIA_ENTITY_ID,
		metadataUrl: `${url}${METADATA_PATH}`,
		ssoUrl,
		sloUrl: ssoUrl,
		signingCert: key.certificate,
		registerSep: (sep) => void registerSep(state, sep),
		received: state.received,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()))
				server.closeAllConnections()
			}),
	}
}
