// A town's NIA settings from its blueprint: key handling, IdP metadata (file, URL, refresh, signature),
// the production guard against the simulator, and the SP metadata the town registers at NIA.
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { SignedXml } from 'xml-crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { applyTestBlueprint, createTown, sql, testBlueprint, writeBlueprint } from '../../../tests/db'
import { createNiaTown, startTestNia } from '../../../tests/nia'
import { getTenantDb } from '../db/tenant-db.server'
import { isAppError } from '../errors/app-error'
import { decryptSecret, isEncryptedSecret } from '../secrets/secrets.server'
import { loadBlueprint } from '../tenancy/load-blueprint.server'
import { applyNiaSettings } from './apply-nia-settings.server'
import { buildSpMetadata } from './build-sp-metadata.server'
import { generateSpCertificate } from './generate-sp-certificate.server'
import { getNiaConfig, invalidateNiaConfigs } from './get-nia-config.server'
import { parseIdpMetadata } from './parse-idp-metadata.server'
import { refreshIdpMetadata } from './refresh-idp-metadata.server'
import { failurePageFor, NiaLoginError } from './nia-login-error'
import { startNiaLogin } from './start-nia-login.server'

const { nia } = await startTestNia()
afterAll(() => nia.close())
const metadataXml = await (await fetch(nia.metadataUrl)).text()

async function refusal(promise: Promise<unknown>) {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught,
	)
	if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`)
	return error.message
}

describe('applying the nia section of a blueprint', () => {
	test('generates an SP key and self-signed certificate once, stores the key encrypted, and keeps both on re-apply', async () => {
		const town = await createNiaTown(nia, 'nia-keys')
		expect(town.settings).toMatchObject({
			spIssuer: 'https://nia-keys.test/portal',
			acsUrl: 'http://nia-keys.test:3000/auth/nia/acs',
			logoutReturnUrl: 'http://nia-keys.test:3000/auth/nia/logout-return',
			minimumLoa: 'substantial',
			municipalityCode: '586846',
			sessionIdleMinutes: 20,
			idpEntityId: 'urn:microsoft:cgg2010:fpsts',
			idpSsoUrl: nia.ssoUrl,
			idpCertificates: [nia.signingCert],
		})
		expect(isEncryptedSecret(town.settings.spPrivateKey)).toBe(true)
		const certificate = new X509Certificate(town.settings.spCertificate)
		expect(certificate.checkPrivateKey(createPrivateKey(decryptSecret(town.settings.spPrivateKey)))).toBe(true)
		expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048)

		const again = await applyTestBlueprint(
			writeBlueprint(testBlueprint('nia-keys', { nia: { spIssuer: 'https://nia-keys.test/portal', municipalityCode: '586846', idpMetadataXml: 'idp.xml' } }), {
				files: { 'idp.xml': metadataXml },
			}),
		)
		expect(again.changes).toEqual([])
		expect((await town.db.niaSettings.findUniqueOrThrow({ where: { id: 1 } })).spCertificate).toBe(town.settings.spCertificate)
	})

	test('takes the SP key from the environment and its certificate from a file', async () => {
		const pair = await generateSpCertificate({ commonName: 'from env' })
		process.env.NIA_TEST_SP_KEY = pair.privateKey
		const dir = writeBlueprint(
			testBlueprint('nia-own-key', {
				nia: {
					spIssuer: 'https://own.test/portal',
					municipalityCode: '593711',
					spKey: { env: 'NIA_TEST_SP_KEY' },
					spCertificate: 'sp.crt',
					minimumLoa: 'high',
					sessionIdleMinutes: 15,
				},
			}),
			{ files: { 'sp.crt': pair.certificate } },
		)
		const result = await applyTestBlueprint(dir)
		expect(result.changes).toContain('nia: login through NIA set up')
		invalidateNiaConfigs('nia-own-key')
		const [row] = await sql<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', ['nia-own-key'])
		const config = await getNiaConfig({ id: row!.id, slug: 'nia-own-key' })
		expect(config).toMatchObject({ spPrivateKey: pair.privateKey, spCertificate: pair.certificate, minimumLoa: 'high', idp: null })
	})

	test.each([
		[{ municipalityCode: '58684' }, 'nia.municipalityCode: must be the 6-digit RÚIAN municipality code'],
		[{ minimumLoa: 'low' }, 'nia.minimumLoa: must be substantial or high'],
		[{ idpMetadataUrl: 'https://nia.example/md.xml', idpMetadataXml: 'idp.xml' }, 'give idpMetadataUrl or idpMetadataXml, not both'],
		[{ spKey: { env: 'NIA_TEST_NOPE' } }, 'spKey and spCertificate go together'],
		[{ spKey: { env: 'NIA_TEST_UNSET_KEY' }, spCertificate: 'sp.crt' }, 'nia.spKey: the environment variable NIA_TEST_UNSET_KEY is not set'],
		[{ idpMetadataXml: 'missing.xml' }, 'nia.idpMetadataXml: file missing.xml not found'],
	])('a bad nia section %j is refused with the path and what to fix', async (section, message) => {
		const dir = writeBlueprint(testBlueprint('nia-bad', { nia: { spIssuer: 'https://bad.test/portal', municipalityCode: '586846', ...section } }), {
			files: { 'sp.crt': 'x', 'idp.xml': metadataXml },
		})
		expect(await refusal(loadBlueprint(dir))).toContain(message)
	})

	test('in production, IdP metadata that points at this machine (the simulator) is refused and nothing is written', async () => {
		const town = await createNiaTown(nia, 'nia-prod')
		await town.db.niaSettings.delete({ where: { id: 1 } })
		const blueprint = await loadBlueprint(
			writeBlueprint(testBlueprint('nia-prod', { nia: { spIssuer: 'https://prod.test/portal', municipalityCode: '586846', idpMetadataXml: 'idp.xml' } }), {
				files: { 'idp.xml': metadataXml },
			}),
		)
		const message = await refusal(applyNiaSettings({ db: town.db, blueprint, primaryHost: 'nia-prod.test', isProduction: true }))
		expect(message).toContain('NODE_ENV=production refuses IdP metadata that points at this machine')
		expect(await town.db.niaSettings.count()).toBe(0)
	})
})

test('a town without NIA settings cannot start a login: the failure page says login is unavailable', async () => {
	const town = await createTown('nia-none')
	const tenant = { ...town.tenant, name: '', status: 'active' as const, primaryHost: 'nia-none.test' }
	const error = await startNiaLogin({ tenant, db: getTenantDb(tenant), returnTo: '/', isProduction: false, ip: null }).catch((caught: unknown) => caught)
	expect(error).toBeInstanceOf(NiaLoginError)
	expect(failurePageFor((error as NiaLoginError).reason)).toBe('unavailable')
})

describe('IdP metadata', () => {
	test('is read from the simulator like from NIA: entityID, SSO and SLO URLs, signing certificate, signature checked', () => {
		expect(parseIdpMetadata(metadataXml)).toEqual({
			entityId: 'urn:microsoft:cgg2010:fpsts',
			ssoUrl: nia.ssoUrl,
			sloUrl: nia.sloUrl,
			certificates: [nia.signingCert],
			isSigned: true,
		})
	})

	test('metadata changed after signing (another SSO URL) is refused', () => {
		const tampered = metadataXml.replace(/Location="[^"]+"/, 'Location="https://evil.example/sso"')
		expect(() => parseIdpMetadata(tampered)).toThrow(/signature does not verify/)
	})

	test('metadata with a DOCTYPE (XXE) is refused', () => {
		expect(() => parseIdpMetadata(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${metadataXml.replace(/^<\?xml[^>]*\?>/, '')}`)).toThrow(/DOCTYPE/)
	})

	test('from a URL: fetched at apply, refreshed on demand, and at login once older than 24 h', async () => {
		const town = await createNiaTown(nia, 'nia-url', { idpMetadataXml: undefined, idpMetadataUrl: nia.metadataUrl })
		expect(town.settings).toMatchObject({ idpMetadataUrl: nia.metadataUrl, idpSsoUrl: nia.ssoUrl })
		expect(await refreshIdpMetadata({ tenant: town.tenant, isProduction: false })).toMatchObject({ entityId: 'urn:microsoft:cgg2010:fpsts', certificates: 1 })

		const stale = new Date(Date.now() - 25 * 60 * 60_000)
		await town.db.niaSettings.update({ where: { id: 1 }, data: { idpMetadataFetchedAt: stale } })
		invalidateNiaConfigs('nia-url')
		await startNiaLogin({ tenant: town.tenant, db: town.db, returnTo: '/', isProduction: false, ip: null })
		const fetchedAt = (await town.db.niaSettings.findUniqueOrThrow({ where: { id: 1 } })).idpMetadataFetchedAt!
		expect(fetchedAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
	})
})

describe('SP metadata for the registration at NIA', () => {
	test('names the issuer, ACS and logout address, the signing and encryption keys, SPType public, and is signed', async () => {
		const town = await createNiaTown(nia, 'nia-sp-md')
		const config = (await getNiaConfig(town.tenant))!
		const xml = buildSpMetadata(config)
		expect(xml).toContain('entityID="https://nia-sp-md.test/portal"')
		expect(xml).toContain('<eidas:SPType xmlns:eidas="http://eidas.europa.eu/saml-extensions">public</eidas:SPType>')
		expect(xml).toContain('AuthnRequestsSigned="true" WantAssertionsSigned="true"')
		expect(xml).toMatch(/<md:KeyDescriptor use="signing">[\s\S]*<md:KeyDescriptor use="encryption">/)
		expect(xml).toContain(`<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${config.acsUrl}"`)
		expect(xml).toContain(`<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${config.logoutReturnUrl}"`)
		expect(xml).not.toContain('PRIVATE KEY')
		const checker = new SignedXml({ publicCert: config.spCertificate })
		checker.loadSignature(xml.match(/<ds:Signature[\s\S]*<\/ds:Signature>/)![0])
		expect(checker.checkSignature(xml)).toBe(true)
	})
})
