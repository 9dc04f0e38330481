// Test support for the NIA login: a simulator we hold the IdP key of (so tests can forge what an
// attacker could not), a town wired to it exactly as an operator would wire one, and helpers that run
// a login over real HTTP and post the answer to the town's ACS code.
import { promisify } from 'node:util'
import { decrypt } from 'xml-encryption'
import { encryptAssertion } from '../simulators/nia/encrypt-assertion'
import {
	createSelfSignedCertificate,
	loginThroughSimulator,
	startNiaSimulator,
	type NiaSimulator,
	type PickerAction,
	type ResponseFault,
} from '../simulators/nia/index'
import { signRootElement } from '../simulators/nia/xml-signature'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { completeNiaLogin } from '../app/modules/nia/complete-nia-login.server'
import { bindLoginToBrowser } from '../app/modules/nia/login-binding.server'
import { invalidateNiaConfigs } from '../app/modules/nia/get-nia-config.server'
import { startNiaLogin } from '../app/modules/nia/start-nia-login.server'
import { applyTestBlueprint, sql, testBlueprint, writeBlueprint } from './db'
import { makeTempDir } from './temp'

export type IdpKey = { privateKey: string; certificate: string }

export async function startTestNia() {
	const idpKey = await createSelfSignedCertificate({ commonName: 'NIA simulator (test)' })
	const nia = await startNiaSimulator({ signingKey: idpKey.privateKey, signingCert: idpKey.certificate, keyDir: makeTempDir('nia-keys-') })
	return { nia, idpKey }
}

/** A town applied from a blueprint whose nia section names the simulator's metadata as a file. */
export async function createNiaTown(nia: NiaSimulator, slug: string, niaSection: Record<string, unknown> = {}) {
	const metadataXml = await (await fetch(nia.metadataUrl)).text()
	const dir = writeBlueprint(
		testBlueprint(slug, { nia: { spIssuer: `https://${slug}.test/portal`, municipalityCode: '586846', idpMetadataXml: 'nia-idp.xml', ...niaSection } }),
		{ files: { 'nia-idp.xml': metadataXml } },
	)
	await applyTestBlueprint(dir)
	const [row] = await sql<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [slug])
	const tenant = { id: row!.id, slug, name: slug, status: 'active' as const, primaryHost: `${slug}.test` }
	const db = getTenantDb(tenant)
	invalidateNiaConfigs(slug)
	const settings = await db.niaSettings.findUniqueOrThrow({ where: { id: 1 } })
	nia.registerSep({
		issuer: settings.spIssuer,
		acsUrl: settings.acsUrl,
		logoutReturnUrl: settings.logoutReturnUrl,
		signingCert: settings.spCertificate,
		encryptionCert: settings.spCertificate,
	})
	return { tenant, db, settings, schema: `tenant_${slug.replaceAll('-', '_')}` }
}

export type NiaTown = Awaited<ReturnType<typeof createNiaTown>>

/**
 * The cookie each town's login start has left in "the browser" of a test file: one browser per town,
 * as a citizen's would be, so that postToAcs carries the login-binding cookie of the logins niaAnswer
 * started (tests of login CSRF pass another browser's cookies, or none).
 */
const browserCookies = new Map<string, string>()
let nextAddress = 0

/** Starts a login at the town and answers it at the simulator; returns NIA's auto-post form. */
export async function niaAnswer(
	town: NiaTown,
	options: { persona?: string; action?: PickerAction; fault?: ResponseFault; returnTo?: string | null; ip?: string } = {},
) {
	// Each start from its own address (TEST-NET-1): the per-client limit of login starts is tested on its own.
	const ip = options.ip ?? `192.0.2.${(nextAddress++ % 254) + 1}`
	const { url, requestId } = await startNiaLogin({ tenant: town.tenant, db: town.db, returnTo: options.returnTo ?? null, isProduction: false, ip })
	const before = browserCookies.get(town.tenant.slug)
	const setCookie = bindLoginToBrowser({ request: new Request(town.settings.acsUrl, { headers: before ? { cookie: before } : {} }), requestId, secure: false })
	browserCookies.set(town.tenant.slug, setCookie.split(';')[0]!)
	return loginThroughSimulator({ request: url, persona: options.persona ?? 'jana-novakova', action: options.action, fault: options.fault })
}

/** The login-binding cookie ("name=value") the town's logins started by niaAnswer have left so far. */
export function loginBindingCookie(town: NiaTown) {
	return browserCookies.get(town.tenant.slug) ?? null
}

/**
 * Posts a SAMLResponse to the town's ACS code, as the browser would: with the login-binding cookie of
 * the logins niaAnswer started (unless `browser` names other cookies, or null for none) and optionally
 * a session cookie.
 */
export function postToAcs(
	town: NiaTown,
	samlResponse: string | null,
	cookie?: string,
	{ browser = loginBindingCookie(town) }: { browser?: string | null } = {},
) {
	const cookies = [cookie, browser].filter(Boolean).join('; ')
	const request = new Request(town.settings.acsUrl, { method: 'POST', headers: cookies ? { cookie: cookies } : {} })
	return completeNiaLogin({ db: town.db, tenant: town.tenant, secure: false, request, samlResponse, requestId: 'test', ip: '127.0.0.1' })
}

export const decodeResponse = (samlResponse: string) => Buffer.from(samlResponse, 'base64').toString('utf8')
export const encodeResponse = (xml: string) => Buffer.from(xml, 'utf8').toString('base64')

/** The decrypted (still signed) assertion of a response, as NIA signed it. */
export async function decryptAssertion(responseXml: string, spPrivateKey: string) {
	const encrypted = responseXml.match(/<EncryptedAssertion[\s\S]*<\/EncryptedAssertion>/)?.[0]
	if (!encrypted) throw new Error('no EncryptedAssertion')
	// NIA encrypts with aes256-cbc, which xml-encryption 6 refuses unless told (node-saml's own copy, v3, accepts it).
	return promisify(decrypt)(encrypted, { key: spPrivateKey, disallowDecryptionWithInsecureAlgorithm: false, warnInsecureAlgorithm: false })
}

/** Replaces the encrypted assertion of a response with `assertionXml`, encrypted to the SP. */
export function replaceAssertion(responseXml: string, assertionXml: string, spCertificate: string) {
	return responseXml.replace(/<EncryptedAssertion[\s\S]*<\/EncryptedAssertion>/, encryptAssertion(assertionXml, spCertificate))
}

/** Removes the enveloped Signature that is a direct child of the root (after the Issuer), if any. */
export function stripRootSignature(xml: string) {
	return xml.replace(/(<\/saml:Issuer>)<Signature [\s\S]*?<\/Signature>/, '$1')
}

/** Signs the root element again with the IdP key, as NIA would (test-only: attackers do not hold it). */
export function resignResponse(xml: string, idpKey: IdpKey) {
	return signRootElement(stripRootSignature(xml.replace(/^<\?xml[^>]*\?>/, '')), idpKey)
}

export async function sessionCount(town: NiaTown) {
	return town.db.session.count()
}

export async function lastAudit(town: NiaTown) {
	return town.db.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } })
}
