// Logins and logouts through the simulator with @node-saml/node-saml as the SeP, over real HTTP: what the
// portal's SP code will see from NIA (encrypted, signed assertion; eIDAS attributes; LoA; AuthnFailed
// inside a Success response; the unsigned LogoutResponse), plus the test-only broken responses.
import type { Profile, SAML } from '@node-saml/node-saml'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { makeTempDir } from '../../tests/temp'
import { AUTHN_FAILED_ATTRIBUTE, LOA_URI, NIA_ATTRIBUTE } from './constants'
import { loginThroughSimulator, parseAutoPostForm, PERSONAS, RESPONSE_FAULTS, startNiaSimulator, type NiaSimulator } from './index'
import { createSpKeys, createTestSp, registerTestSp, SP_ACS_URL, SP_LOGOUT_RETURN_URL, type SpKeys } from './sp-fixture'

let sim: NiaSimulator
let keys: SpKeys
let sp: SAML

beforeAll(async () => {
	sim = await startNiaSimulator({ keyDir: makeTempDir('nia-keys-') })
	keys = await createSpKeys()
	registerTestSp(sim, keys)
	sp = createTestSp(sim, keys)
})
afterAll(() => sim?.close())

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8')
const persona = (id: string) => PERSONAS.find((candidate) => candidate.id === id)!
/** AuthnContextClassRef of the (decrypted, verified) assertion: node-saml does not surface it in the profile. */
const loaOf = (profile: Profile | null) => profile?.getAssertionXml?.().match(/AuthnContextClassRef>([^<]+)</)?.[1]
/** node-saml types `profile.attributes` as `{}`; NIA's values are single strings. */
const attributesOf = (profile: Profile | null) => (profile?.attributes ?? {}) as Record<string, string | undefined>

async function login(options: { persona?: string; action?: 'login' | 'login-anyway' | 'fail' | 'cancel'; relayState?: string; saml?: SAML }) {
	const saml = options.saml ?? sp
	const form = await loginThroughSimulator({ request: await saml.getAuthorizeUrlAsync(options.relayState ?? '', undefined, {}), ...options })
	return { form, saml }
}

describe('login', () => {
	test('Redirect binding: node-saml decrypts and verifies the response and gets the eIDAS attributes and LoA', async () => {
		const { form } = await login({ persona: 'jana-novakova', relayState: 'back-to-/poplatky' })
		expect(form.action).toBe(SP_ACS_URL)
		expect(form.fields.RelayState).toBe('back-to-/poplatky')

		const request = sim.received.at(-1)!
		expect(request).toMatchObject({ kind: 'AuthnRequest', binding: 'HTTP-Redirect', accepted: true, signature: { present: true, valid: true } })
		expect(request.authn).toMatchObject({ spType: 'public', requestedAuthnContext: { comparison: 'minimum', classRefs: [LOA_URI.substantial] } })
		expect(request.authn?.requestedAttributes.find((attribute) => attribute.name === NIA_ATTRIBUTE.isAgeOver)?.values).toEqual(['18'])

		// NIA's shape: Success, signed Response (Signature right after Issuer), only an EncryptedAssertion.
		const xml = decode(form.fields.SAMLResponse)
		expect(xml).toMatch(/<saml:Issuer>urn:microsoft:cgg2010:fpsts<\/saml:Issuer><Signature /)
		expect(xml).toContain('StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"')
		expect(xml).toContain(`InResponseTo="${request.id}"`)
		expect(xml).toContain('<EncryptedAssertion')
		expect(xml).not.toContain('<saml:Assertion')

		const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse })
		const jana = persona('jana-novakova')
		expect(profile?.issuer).toBe('urn:microsoft:cgg2010:fpsts')
		expect(profile?.nameIDFormat).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent')
		expect(profile?.sessionIndex).toBeTruthy()
		expect(loaOf(profile)).toBe(LOA_URI.substantial)
		const attributes = attributesOf(profile) as Record<string, string>
		expect(attributes[NIA_ATTRIBUTE.PersonIdentifier]).toBe(jana.personIdentifier)
		expect(attributes[NIA_ATTRIBUTE.CurrentGivenName]).toBe('Jana')
		expect(attributes[NIA_ATTRIBUTE.CurrentFamilyName]).toBe('Nováková')
		expect(attributes[NIA_ATTRIBUTE.DateOfBirth]).toBe(jana.dateOfBirth)
		expect(attributes[NIA_ATTRIBUTE.isAgeOver]).toBe('true')
		expect(decode(attributes[NIA_ATTRIBUTE.CurrentAddress])).toContain('>Zámecká</eidas:Thoroughfare>')
		expect(decode(attributes[NIA_ATTRIBUTE.tradresaid])).toContain('<obecKod>586846</obecKod>')
		expect(attributes[NIA_ATTRIBUTE.idnumber]).toBeUndefined() // not requested, so not released
	})

	test('POST binding works too (skipRequestCompression), and a high-LoA persona gets LoA high', async () => {
		const posting = createTestSp(sim, keys, { authnRequestBinding: 'HTTP-POST', skipRequestCompression: true })
		const fields = (await posting.getAuthorizeMessageAsync('post-state', undefined, {})) as Record<string, string>
		const form = await loginThroughSimulator({ request: { url: sim.ssoUrl, fields }, persona: 'josef-dvorak' })
		expect(sim.received.at(-1)).toMatchObject({ binding: 'HTTP-POST', accepted: true })
		expect(form.fields.RelayState).toBe('post-state')
		const { profile } = await posting.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse })
		expect(loaOf(profile)).toBe(LOA_URI.high)
		expect(attributesOf(profile)[NIA_ATTRIBUTE.PersonIdentifier]).toBe(persona('josef-dvorak').personIdentifier)
	})

	test('a persona below the requested LoA cannot log in; the picker offers AuthnFailed or a deliberate low-LoA response', async () => {
		const picker = await (await fetch(await sp.getAuthorizeUrlAsync('', undefined, {}))).text()
		expect(picker).toMatch(/Přihlásit<span class="visually-hidden"> jako Jana Nováková/)
		expect(picker).not.toMatch(/Přihlásit<span class="visually-hidden"> jako Tomáš Low/)
		expect(picker).toContain('Odeslat AuthnFailed<span class="visually-hidden"> jako Tomáš Low')
		await expect(login({ persona: 'tomas-low' })).rejects.toThrow(/409.*below what the service asked for/)

		const { form } = await login({ persona: 'tomas-low', action: 'login-anyway' })
		const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse })
		expect(loaOf(profile)).toBe(LOA_URI.low) // the SP's own LoA check must catch this
	})

	test.each(['fail', 'cancel'] as const)('%s: StatusCode Success with AuthnFailed inside the assertion, and no identity', async (action) => {
		const { form } = await login({ persona: 'tomas-low', action })
		const xml = decode(form.fields.SAMLResponse)
		expect(xml).toContain('status:Success')
		const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse })
		expect(attributesOf(profile)[AUTHN_FAILED_ATTRIBUTE]).toBe('AuthnFailed')
		expect(profile?.nameID).toBeUndefined()
		expect(attributesOf(profile)[NIA_ATTRIBUTE.PersonIdentifier]).toBeUndefined()
	})

	test.each([
		['unsigned', /Invalid document signature/],
		['wrong-key', /Invalid document signature/],
		['expired', /expired|No valid subject confirmation/], // node-saml checks SubjectConfirmationData first
		['wrong-audience', /audience mismatch/],
	] as const)('fault %s: node-saml rejects the response', async (fault, error) => {
		expect(RESPONSE_FAULTS).toContain(fault)
		const form = await loginThroughSimulator({ request: await sp.getAuthorizeUrlAsync('', undefined, {}), persona: 'marie-horakova', fault })
		await expect(sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse })).rejects.toThrow(error)
	})

	test('a second response for the same request is refused by an SP that checks InResponseTo', async () => {
		const request = await sp.getAuthorizeUrlAsync('', undefined, {})
		const first = await loginThroughSimulator({ request, persona: 'petr-svoboda' })
		const flowId = sim.received.at(-1)!.flowId!
		await sp.validatePostResponseAsync({ SAMLResponse: first.fields.SAMLResponse })
		const again = await fetch(`${sim.url}/FPSTS/saml2/choose`, {
			method: 'POST',
			body: new URLSearchParams({ flow: flowId, persona: 'petr-svoboda', action: 'login' }),
		})
		const second = parseAutoPostForm(await again.text())
		await expect(sp.validatePostResponseAsync({ SAMLResponse: second.fields.SAMLResponse })).rejects.toThrow(/InResponseTo/)
	})
})

describe('logout', () => {
	test('a signed LogoutRequest is answered with an unsigned LogoutResponse posted to the registered return URL', async () => {
		const { form } = await login({ persona: 'jana-novakova' })
		const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: form.fields.SAMLResponse })
		const response = await fetch(await sp.getLogoutUrlAsync(profile!, 'after-logout', {}))
		expect(response.status).toBe(200)
		expect(response.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/)
		const logoutForm = parseAutoPostForm(await response.text())
		expect(logoutForm.action).toBe(SP_LOGOUT_RETURN_URL)
		expect(logoutForm.fields.RelayState).toBe('after-logout')

		const request = sim.received.at(-1)!
		expect(request).toMatchObject({ kind: 'LogoutRequest', accepted: true, signature: { valid: true } })
		expect(request.logout).toEqual({
			nameId: profile!.nameID,
			nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
			sessionIndex: profile!.sessionIndex,
			matchesIssuedSession: true,
		})
		const xml = decode(logoutForm.fields.SAMLResponse)
		expect(xml).toContain('<samlp:LogoutResponse')
		expect(xml).toContain(`InResponseTo="${request.id}"`)
		expect(xml).toContain('status:Success')
		expect(xml).not.toContain('Signature')
		// So node-saml's response validator cannot take it: the SP reads it itself (or just ends the session).
		await expect(sp.validatePostResponseAsync({ SAMLResponse: logoutForm.fields.SAMLResponse })).rejects.toThrow(/InResponseTo is missing|No response found/)
	})
})
