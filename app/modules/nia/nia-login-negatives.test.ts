// Every way a SAML answer can be wrong or forged: each is refused, audited with its reason, and starts
// no session. The tests hold the simulator's IdP key, so some forgeries are stronger than an attacker's.
import { InMemoryCacheProvider } from '@node-saml/node-saml/lib/in-memory-cache-provider'
import { SignedXml } from 'xml-crypto'
import { afterAll, beforeEach, describe, expect, test } from 'vitest'
import { loginThroughSimulator, parseAutoPostForm } from '../../../simulators/nia/index'
import { signRootElement } from '../../../simulators/nia/xml-signature'
import {
	createNiaTown,
	loginBindingCookie,
	decodeResponse,
	decryptAssertion,
	encodeResponse,
	lastAudit,
	niaAnswer,
	postToAcs,
	replaceAssertion,
	resignResponse,
	sessionCount,
	startTestNia,
	stripRootSignature,
	type NiaTown,
} from '../../../tests/nia'
import { createSaml, isReady } from './create-saml.server'
import { getNiaConfig } from './get-nia-config.server'
import { bindLoginToBrowser, isSecureRequest } from './login-binding.server'
import { startNiaLogin } from './start-nia-login.server'
import type { FailurePage, FailureReason } from './nia-login-error'

const { nia, idpKey } = await startTestNia()
afterAll(() => nia.close())
const town = await createNiaTown(nia, 'nia-negative')
const spKey = (await getNiaConfig(town.tenant))!.spPrivateKey
const EVIL_ID = 'CZ/CZ/00000000-0000-4000-8000-00000000e411'

let sessionsBefore = 0
beforeEach(async () => {
	sessionsBefore = await sessionCount(town)
})

async function expectRefused(result: Awaited<ReturnType<typeof postToAcs>>, reason: FailureReason, page: FailurePage, on: NiaTown = town) {
	expect(result).toMatchObject({ ok: false, reason, page })
	expect(await lastAudit(on)).toMatchObject({ action: 'auth.login_failed', outcome: 'failed', actorId: null, details: { method: 'nia', reason } })
	expect(await sessionCount(on)).toBe(sessionsBefore)
	expect(await on.db.person.count({ where: { personIdentifier: EVIL_ID } })).toBe(0)
}

/** A genuine answer for Jana, as XML. */
async function genuine(returnTo?: string) {
	const form = await niaAnswer(town, { returnTo })
	return decodeResponse(form.fields.SAMLResponse!)
}

/** An unsigned assertion an attacker would like us to believe, for the current request. */
function evilAssertion(xml: string) {
	const inResponseTo = xml.match(/InResponseTo="([^"]+)"/)![1]!
	const now = new Date()
	const later = new Date(now.getTime() + 5 * 60_000).toISOString()
	return (
		`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_evil-assertion" Version="2.0" IssueInstant="${now.toISOString()}">` +
		`<saml:Issuer>urn:microsoft:cgg2010:fpsts</saml:Issuer><saml:Subject><saml:NameID>evil</saml:NameID>` +
		`<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${inResponseTo}" NotOnOrAfter="${later}" Recipient="${town.settings.acsUrl}"/></saml:SubjectConfirmation></saml:Subject>` +
		`<saml:Conditions NotBefore="${now.toISOString()}" NotOnOrAfter="${later}"><saml:AudienceRestriction><saml:Audience>${town.settings.spIssuer}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
		`<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="_evil"><saml:AuthnContext><saml:AuthnContextClassRef>http://eidas.europa.eu/LoA/high</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
		`<saml:AttributeStatement><saml:Attribute Name="http://eidas.europa.eu/attributes/naturalperson/PersonIdentifier"><saml:AttributeValue>${EVIL_ID}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>` +
		`</saml:Assertion>`
	)
}

const withoutProlog = (xml: string) => xml.replace(/^<\?xml[^>]*\?>/, '')
const responseId = (xml: string) => xml.match(/<samlp:Response [^>]*ID="([^"]+)"/)![1]!
const rootSignature = (xml: string) => xml.match(/<\/saml:Issuer>(<Signature [\s\S]*?<\/Signature>)/)![1]!
/** A new outer Response (attacker-made) around `inner`, carrying the evil assertion. */
function wrapper(xml: string, { id, inner, signature = '' }: { id: string; inner: string; signature?: string }) {
	const inResponseTo = xml.match(/InResponseTo="([^"]+)"/)![1]!
	return (
		`<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" ` +
		`IssueInstant="${new Date().toISOString()}" Destination="${town.settings.acsUrl}" InResponseTo="${inResponseTo}">` +
		`<saml:Issuer>urn:microsoft:cgg2010:fpsts</saml:Issuer>${signature}<samlp:Extensions>${inner}</samlp:Extensions>` +
		`<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${evilAssertion(xml)}</samlp:Response>`
	)
}

describe('signatures', () => {
	test('an unsigned response (neither Response nor Assertion signed) is refused', async () => {
		const form = await niaAnswer(town, { fault: 'unsigned' })
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'signature', 'technical')
	})

	test('a response signed with a key that is not NIA’s is refused', async () => {
		const form = await niaAnswer(town, { fault: 'wrong-key' })
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'signature', 'technical')
	})

	test('a response whose own signature was removed is refused, though its assertion is still signed', async () => {
		await expectRefused(await postToAcs(town, encodeResponse(stripRootSignature(await genuine()))), 'signature', 'technical')
	})

	test('an attribute changed after signing (assertion re-encrypted, Response signature kept) is refused', async () => {
		const xml = await genuine()
		const assertion = (await decryptAssertion(xml, spKey)).replace('>Jana<', '>Eva<')
		await expectRefused(await postToAcs(town, encodeResponse(replaceAssertion(xml, assertion, town.settings.spCertificate))), 'signature', 'technical')
	})

	test('an attribute changed after signing is refused even when the Response is re-signed with NIA’s own key', async () => {
		const xml = await genuine()
		const assertion = (await decryptAssertion(xml, spKey)).replace('>Jana<', '>Eva<')
		const forged = resignResponse(replaceAssertion(xml, assertion, town.settings.spCertificate), idpKey)
		await expectRefused(await postToAcs(town, encodeResponse(forged)), 'signature', 'technical')
	})
})

describe('XML signature wrapping', () => {
	test('a second, unsigned Assertion injected into the signed Response is refused', async () => {
		const xml = await genuine()
		const injected = xml.replace('</samlp:Status>', `</samlp:Status>${evilAssertion(xml)}`)
		await expectRefused(await postToAcs(town, encodeResponse(injected)), 'signature', 'technical')
	})

	test('the signed Response hidden inside an unsigned one carrying an evil assertion is refused', async () => {
		const xml = await genuine()
		const forged = wrapper(xml, { id: '_evil-response', inner: withoutProlog(xml) })
		await expectRefused(await postToAcs(town, encodeResponse(forged)), 'signature', 'technical')
	})

	test('the original Signature moved onto the evil outer Response (its Reference points at the hidden one) is refused', async () => {
		const xml = await genuine()
		const forged = wrapper(xml, { id: '_evil-response', inner: withoutProlog(xml), signature: rootSignature(xml) })
		await expectRefused(await postToAcs(town, encodeResponse(forged)), 'signature', 'technical')
	})

	test('an outer Response reusing the signed ID (two elements with one ID) is refused', async () => {
		const xml = await genuine()
		const forged = wrapper(xml, { id: responseId(xml), inner: stripRootSignature(withoutProlog(xml)), signature: rootSignature(xml) })
		await expectRefused(await postToAcs(town, encodeResponse(forged)), 'signature', 'technical')
	})

	test('a valid NIA signature whose Reference points at another element (the Issuer), not the Response, is refused', async () => {
		const xml = stripRootSignature(withoutProlog(await genuine())).replace('<saml:Issuer>', '<saml:Issuer ID="_issuer">')
		const signer = new SignedXml({
			privateKey: idpKey.privateKey,
			publicCert: idpKey.certificate,
			signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
			canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
		})
		signer.addReference({
			xpath: "//*[@ID='_issuer']",
			transforms: ['http://www.w3.org/2001/10/xml-exc-c14n#'],
			digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
		})
		signer.computeSignature(xml, { location: { reference: "/*/*[local-name()='Issuer']", action: 'after' } })
		await expectRefused(await postToAcs(town, encodeResponse(signer.getSignedXml())), 'signature', 'technical')
	})
})

describe('conditions', () => {
	test('an expired assertion (NotOnOrAfter passed, beyond the clock skew) is refused', async () => {
		const form = await niaAnswer(town, { fault: 'expired' })
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'expired', 'expired')
	})

	test('an assertion for another audience is refused', async () => {
		const form = await niaAnswer(town, { fault: 'wrong-audience' })
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'audience', 'technical')
	})

	test('a response addressed to another ACS (Destination), even validly signed, is refused', async () => {
		const xml = (await genuine()).replace(`Destination="${town.settings.acsUrl}"`, 'Destination="https://elsewhere.example/acs"')
		await expectRefused(await postToAcs(town, encodeResponse(resignResponse(xml, idpKey))), 'destination', 'technical')
	})

	test('an assertion confirmed for another Recipient, even validly signed, is refused', async () => {
		const xml = await genuine()
		const assertion = (await decryptAssertion(xml, spKey)).replace(`Recipient="${town.settings.acsUrl}"`, 'Recipient="https://elsewhere.example/acs"')
		const resigned = signRootElement(assertion.replace(/<Signature [\s\S]*?<\/Signature>/, ''), idpKey)
		const forged = resignResponse(replaceAssertion(xml, resigned, town.settings.spCertificate), idpKey)
		await expectRefused(await postToAcs(town, encodeResponse(forged)), 'destination', 'technical')
	})
})

describe('InResponseTo: request ids are server-side, single use and short-lived', () => {
	test('the same response posted a second time is refused (replay), and the first login stands', async () => {
		const form = await niaAnswer(town)
		const first = await postToAcs(town, form.fields.SAMLResponse!)
		expect(first.ok).toBe(true)
		sessionsBefore = await sessionCount(town)
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'replayed_request', 'expired')
	})

	test('a fresh response to an already used request is refused', async () => {
		const form = await niaAnswer(town)
		const flow = nia.received.at(-1)!.flowId!
		expect((await postToAcs(town, form.fields.SAMLResponse!)).ok).toBe(true)
		sessionsBefore = await sessionCount(town)
		const again = await fetch(new URL('/FPSTS/saml2/choose', nia.url), {
			method: 'POST',
			body: new URLSearchParams({ flow, action: 'login', persona: 'jana-novakova' }),
		})
		await expectRefused(await postToAcs(town, parseAutoPostForm(await again.text()).fields.SAMLResponse!), 'replayed_request', 'expired')
	})

	test('a response to a request this town never made is refused', async () => {
		const config = await getNiaConfig(town.tenant)
		if (!isReady(config)) throw new Error('town not ready')
		const outsider = createSaml(config, new InMemoryCacheProvider({}))
		const form = await loginThroughSimulator({ request: await outsider.getAuthorizeUrlAsync('', undefined, {}), persona: 'jana-novakova' })
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'unknown_request', 'expired')
	})

	test('a response to a request older than 5 minutes is refused', async () => {
		const form = await niaAnswer(town)
		await town.db.samlRequest.update({ where: { id: nia.received.at(-1)!.id! }, data: { expiresAt: new Date(Date.now() - 1000) } })
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'expired_request', 'expired')
	})
})

describe('what NIA says about the login', () => {
	test.each(['cancel', 'fail'] as const)('AuthnFailed inside a "Success" response (%s at NIA) is a failed login', async (action) => {
		const form = await niaAnswer(town, { action })
		expect(decodeResponse(form.fields.SAMLResponse!)).toContain('status:Success')
		await expectRefused(await postToAcs(town, form.fields.SAMLResponse!), 'authn_failed', 'cancelled')
	})

	test('a level of assurance below the town minimum is refused with which levels', async () => {
		const form = await niaAnswer(town, { persona: 'tomas-low', action: 'login-anyway' })
		const result = await postToAcs(town, form.fields.SAMLResponse!)
		await expectRefused(result, 'loa_too_low', 'loa')
		expect(result).toMatchObject({ details: { loa: 'low', minimum: 'substantial' } })
		expect(await town.db.person.count({ where: { personIdentifier: 'CZ/CZ/9bdf23cc-6ef4-4c05-b739-7676a9ab0cbe' } })).toBe(0)
	})

	test('"substantial" is not enough where the town requires "high"', async () => {
		const strict = await createNiaTown(nia, 'nia-negative-high', { minimumLoa: 'high' })
		sessionsBefore = await sessionCount(strict)
		const form = await niaAnswer(strict, { persona: 'jana-novakova', action: 'login-anyway' })
		await expectRefused(await postToAcs(strict, form.fields.SAMLResponse!), 'loa_too_low', 'loa', strict)
		expect((await postToAcs(strict, (await niaAnswer(strict, { persona: 'josef-dvorak' })).fields.SAMLResponse!)).ok).toBe(true)
	})

	test.each([
		['no SAMLResponse at all', null],
		['something that is not XML', Buffer.from('hello').toString('base64')],
	])('%s is refused', async (_name, samlResponse) => {
		await expectRefused(await postToAcs(town, samlResponse), 'malformed', 'technical')
	})
})

describe('11.5 login CSRF on the NIA assertion consumer', () => {
	const josef = 'CZ/CZ/c7461db5-99a3-4ea3-a406-c47016a959d9'
	const personCount = () => town.db.person.count()

	/** A login the victim's own browser started (and has not finished): the cookie it holds. */
	async function victimBrowser() {
		const { requestId } = await startNiaLogin({ tenant: town.tenant, db: town.db, returnTo: '/', isProduction: false, ip: '203.0.113.50' })
		return bindLoginToBrowser({ request: new Request(town.settings.acsUrl), requestId, secure: false }).split(';')[0]!
	}

	test('11.5 login CSRF on the NIA assertion consumer: a genuine answer to a login started in another browser is refused, with or without a login of its own pending', async () => {
		const people = await personCount()
		for (const browser of [null, await victimBrowser()]) {
			// The attacker logs in at NIA as himself in his browser, and keeps the answer instead of posting it.
			const attackers = await niaAnswer(town, { persona: 'josef-dvorak' })
			await expectRefused(await postToAcs(town, attackers.fields.SAMLResponse!, undefined, { browser }), 'other_browser', 'browser')
			expect(await personCount()).toBe(people)
		}
		expect(await town.db.person.count({ where: { personIdentifier: josef } })).toBe(0)
	})

	test('11.5 login CSRF on the NIA assertion consumer: the refused answer is used up; the browser that started the login cannot use it afterwards either', async () => {
		const answer = await niaAnswer(town)
		const ownBrowser = loginBindingCookie(town)
		await expectRefused(await postToAcs(town, answer.fields.SAMLResponse!, undefined, { browser: null }), 'other_browser', 'browser')
		await expectRefused(await postToAcs(town, answer.fields.SAMLResponse!, undefined, { browser: ownBrowser }), 'replayed_request', 'expired')
	})

	test('the login start leaves a host-only, HttpOnly, SameSite=Lax cookie for the lifetime of the request id, Secure and __Host- on https', () => {
		const http = bindLoginToBrowser({ request: new Request('http://veseli.localhost/auth/nia/login'), requestId: '_abc', secure: false })
		expect(http).toMatch(/^portal_nia_login=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=300$/)
		const httpsRequest = new Request('https://veseli.example/auth/nia/login')
		const https = bindLoginToBrowser({ request: httpsRequest, requestId: '_abc', secure: isSecureRequest(httpsRequest, false) })
		expect(https).toMatch(/^__Host-portal_nia_login=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=300; Secure$/)
		expect(`${http}${https}`).not.toMatch(/Domain=|SameSite=None/i)
		// Neither the id itself nor anything that reveals it without the id.
		expect(http).not.toContain('_abc')
	})

	test('two logins started in one browser (two tabs) can both finish there; a finished one leaves the cookie', async () => {
		const first = await niaAnswer(town)
		const second = await niaAnswer(town)
		const bothPending = loginBindingCookie(town)
		const secondLogin = await postToAcs(town, second.fields.SAMLResponse!, undefined, { browser: bothPending })
		expect(secondLogin.ok).toBe(true)
		if (!secondLogin.ok) return
		expect(secondLogin.releaseBinding).toMatch(/^portal_nia_login=[\w-]{43}(\.[\w-]{43})*; Path=\/; HttpOnly; SameSite=Lax; Max-Age=300$/)
		const afterSecond = secondLogin.releaseBinding.split(';')[0]!
		expect((await postToAcs(town, first.fields.SAMLResponse!, undefined, { browser: afterSecond })).ok).toBe(true)
	})
})
