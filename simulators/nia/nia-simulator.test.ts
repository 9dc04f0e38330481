// The NIA simulator as an IdP that refuses what NIA refuses: signed metadata, request checks (signature,
// Destination, ACS, age, issuer, wrapping), no response issued for a bad request, the production guard,
// SeP registration over HTTP and the cached signing key. Login round trips: nia-login.test.ts.
import { sign } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { DOMParser } from '@xmldom/xmldom'
import { SignedXml } from 'xml-crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeTempDir } from '../../tests/temp'
import { ALGORITHM, NS } from './constants'
import { startNiaSimulator, type NiaSimulator } from './index'
import { createSpKeys, createTestSp, registerTestSp, SP_ACS_URL, SP_ISSUER, type SpKeys } from './sp-fixture'
import { createSelfSignedCertificate } from './self-signed-cert'
import { readErrorPage } from './test-client'

let sim: NiaSimulator
let keys: SpKeys

beforeAll(async () => {
	sim = await startNiaSimulator({ keyDir: makeTempDir('nia-keys-') })
	keys = await createSpKeys()
	registerTestSp(sim, keys)
})
afterAll(() => sim?.close())

/** An AuthnRequest as a SeP would write it, with any field overridden, signed for the Redirect binding. */
function authnRequestXml(overrides: Partial<Record<'id' | 'issuer' | 'destination' | 'instant' | 'acs', string>> = {}) {
	const field = { id: '_req1', issuer: SP_ISSUER, destination: sim.ssoUrl, instant: new Date().toISOString(), acs: SP_ACS_URL, ...overrides }
	return (
		`<samlp:AuthnRequest xmlns:samlp="${NS.samlp}" xmlns:saml="${NS.saml}" ID="${field.id}" Version="2.0" IssueInstant="${field.instant}" ` +
		`Destination="${field.destination}" AssertionConsumerServiceURL="${field.acs}"><saml:Issuer>${field.issuer}</saml:Issuer></samlp:AuthnRequest>`
	)
}

function redirectUrl(xml: string, privateKey = keys.signing.privateKey, relayState = 'state-1') {
	const query = new URLSearchParams({ SAMLRequest: deflateRawSync(xml).toString('base64'), RelayState: relayState, SigAlg: ALGORITHM.rsaSha256 }).toString()
	return `${sim.ssoUrl}?${query}&Signature=${encodeURIComponent(sign('sha256', Buffer.from(query), privateKey).toString('base64'))}`
}

async function expectRefused(response: Response, reason: RegExp) {
	const html = await response.text()
	expect(response.status).toBe(400)
	expect(readErrorPage(html).join('\n')).toMatch(reason)
	expect(html).not.toContain('SAMLResponse')
	const last = sim.received.at(-1)!
	expect(last.accepted).toBe(false)
	expect(last.flowId).toBeUndefined()
	return last
}

describe('metadata', () => {
	test('is an EntityDescriptor for urn:microsoft:cgg2010:fpsts, signed rsa-sha256/exc-c14n with the published cert', async () => {
		const response = await fetch(sim.metadataUrl)
		expect(response.status).toBe(200)
		const xml = await response.text()
		const doc = new DOMParser().parseFromString(xml, 'text/xml')
		const root = doc.documentElement!
		expect(root.getAttribute('entityID')).toBe('urn:microsoft:cgg2010:fpsts')
		const services = [...(root.getElementsByTagNameNS(NS.md, 'SingleSignOnService') as unknown as Iterable<Element>)]
		expect(services.map((service) => service.getAttribute('Binding'))).toEqual([
			'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
			'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
		])
		expect(services.every((service) => service.getAttribute('Location') === sim.ssoUrl)).toBe(true)
		expect(root.getElementsByTagNameNS(NS.md, 'SingleLogoutService').item(0)?.getAttribute('Location')).toBe(sim.sloUrl)

		const verify = (text: string) => {
			const parsed = new DOMParser().parseFromString(text, 'text/xml')
			const checker = new SignedXml({ publicCert: sim.signingCert })
			checker.loadSignature(parsed.getElementsByTagNameNS(NS.ds, 'Signature').item(0) as unknown as Node)
			expect(checker.signatureAlgorithm).toBe(ALGORITHM.rsaSha256)
			expect(checker.canonicalizationAlgorithm).toBe(ALGORITHM.excC14n)
			try {
				return checker.checkSignature(text)
			} catch {
				return false
			}
		}
		expect(verify(xml)).toBe(true)
		expect(verify(xml.replace(sim.ssoUrl, 'https://attacker.example/sso'))).toBe(false)
	})
})

describe('an AuthnRequest NIA would refuse gets an error page and no response', () => {
	test('unsigned (node-saml without a private key)', async () => {
		const unsigned = createTestSp(sim, keys, { privateKey: undefined })
		const last = await expectRefused(await fetch(await unsigned.getAuthorizeUrlAsync('', undefined, {})), /no Signature/)
		expect(last.signature).toEqual({ present: false, valid: false })
	})

	test('signed with a key other than the registered one', async () => {
		const stranger = await createSelfSignedCertificate({ commonName: 'someone else' })
		const wrong = createTestSp(sim, keys, { privateKey: stranger.privateKey })
		const last = await expectRefused(await fetch(await wrong.getAuthorizeUrlAsync('', undefined, {})), /does not verify/)
		expect(last.signature).toMatchObject({ present: true, valid: false })
	})

	test('RelayState changed after signing', async () => {
		const url = redirectUrl(authnRequestXml()).replace('RelayState=state-1', 'RelayState=state-2')
		await expectRefused(await fetch(url), /does not verify/)
	})

	test('node-saml with a RelayState holding a space: it signs "%20" but sends "+", so the raw-query check fails', async () => {
		const url = await createTestSp(sim, keys).getAuthorizeUrlAsync('a b', undefined, {})
		await expectRefused(await fetch(url), /does not verify/)
	})

	test('unknown issuer, wrong Destination, foreign ACS, stale IssueInstant', async () => {
		await expectRefused(await fetch(redirectUrl(authnRequestXml({ issuer: 'https://unknown.example' }))), /not registered/)
		await expectRefused(await fetch(redirectUrl(authnRequestXml({ destination: 'https://nia.identita.gov.cz/FPSTS/saml2/basic' }))), /Destination/)
		await expectRefused(await fetch(redirectUrl(authnRequestXml({ acs: 'https://attacker.example/acs' }))), /AssertionConsumerServiceURL/)
		const old = new Date(Date.now() - 10 * 60_000).toISOString()
		await expectRefused(await fetch(redirectUrl(authnRequestXml({ instant: old }))), /more than 5 minutes old/)
	})

	test('POST binding: deflated (node-saml default), and a signed request wrapped in a forged one', async () => {
		const deflating = createTestSp(sim, keys, { authnRequestBinding: 'HTTP-POST' })
		const deflated = await deflating.getAuthorizeMessageAsync('', undefined, {})
		await expectRefused(await fetch(sim.ssoUrl, { method: 'POST', body: new URLSearchParams(deflated as Record<string, string>) }), /not deflated/)

		const posting = createTestSp(sim, keys, { authnRequestBinding: 'HTTP-POST', skipRequestCompression: true })
		const signed = Buffer.from(((await posting.getAuthorizeMessageAsync('', undefined, {})) as { SAMLRequest: string }).SAMLRequest, 'base64').toString()
		const id = signed.match(/ ID="([^"]+)"/)![1]
		const inner = signed.replace(/^<\?xml[^>]*>/, '')
		const forged = authnRequestXml({ id, acs: SP_ACS_URL }).replace(
			'</samlp:AuthnRequest>',
			`<samlp:Extensions>${inner}</samlp:Extensions></samlp:AuthnRequest>`,
		)
		const post = (xml: string) => fetch(sim.ssoUrl, { method: 'POST', body: new URLSearchParams({ SAMLRequest: Buffer.from(xml).toString('base64') }) })
		await expectRefused(await post(forged), /not signed/)
		// The same, with the original Signature lifted onto the forged root: the signed ID now occurs twice.
		const signature = inner.match(/<Signature[\s\S]*<\/Signature>/)![0]
		const lifted = forged.replace('</saml:Issuer>', `</saml:Issuer>${signature}`)
		await expectRefused(await post(lifted), /more than once|same value for the ID/)
		const tampered = signed.replace(SP_ACS_URL, 'https://attacker.example/acs')
		await expectRefused(await post(tampered), /does not verify|AssertionConsumerServiceURL/)
	})

	test('a LogoutRequest without a signature', async () => {
		const unsigned = createTestSp(sim, keys, { privateKey: undefined })
		const url = await unsigned.getLogoutUrlAsync(
			{ issuer: SP_ISSUER, nameID: 'x', nameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' },
			'',
			{},
		)
		const last = await expectRefused(await fetch(url), /no Signature/)
		expect(last.kind).toBe('LogoutRequest')
	})
})

describe('starting and registering', () => {
	test('refuses to start with NODE_ENV=production unless forced', async () => {
		const previous = process.env.NODE_ENV
		process.env.NODE_ENV = 'production'
		try {
			await expect(startNiaSimulator({ keyDir: makeTempDir() })).rejects.toThrow(/must not run in production/)
			const forced = await startNiaSimulator({ keyDir: makeTempDir(), force: true })
			await forced.close()
		} finally {
			process.env.NODE_ENV = previous
		}
	})

	test('keeps its generated signing key across restarts', async () => {
		const keyDir = makeTempDir()
		const first = await startNiaSimulator({ keyDir })
		await first.close()
		const second = await startNiaSimulator({ keyDir })
		await second.close()
		expect(second.signingCert).toBe(first.signingCert)
	})

	test('POST /admin/sep registers a SeP; bad input is refused with the reason', async () => {
		const admin = (body: unknown) =>
			fetch(`${sim.url}/admin/sep`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
		const sep = { issuer: 'https://znojmo.localhost/nia', acsUrl: 'http://znojmo.localhost:3000/acs', logoutReturnUrl: 'http://znojmo.localhost:3000/out' }
		const bad = await admin({ ...sep, signingCert: 'not a certificate', encryptionCert: keys.encryption.certificate })
		expect(bad.status).toBe(400)
		expect((await bad.json()).error).toMatch(/signingCert/)
		const good = await admin({ ...sep, signingCert: keys.signing.certificate, encryptionCert: keys.encryption.certificate })
		expect(good.status).toBe(201)
		const response = await fetch(redirectUrl(authnRequestXml({ issuer: sep.issuer, acs: sep.acsUrl })))
		expect(response.status).toBe(200)
		expect(sim.received.at(-1)).toMatchObject({ issuer: sep.issuer, accepted: true })
	})
})
