// Citizen login through NIA end to end, minus the browser: the town's SP code talks to the NIA simulator
// over real HTTP, and the answers land in a real town schema.
import { afterAll, describe, expect, test } from 'vitest'
import { PERSONAS } from '../../../simulators/nia/index'
import { createNiaTown, lastAudit, niaAnswer, postToAcs, sessionCount, startTestNia } from '../../../tests/nia'
import { getCurrentUser } from '../auth/current-user.server'
import { LOA_URI, NIA_ATTRIBUTE } from './nia-protocol'
import { endCitizenSession } from './end-citizen-session.server'

const { nia } = await startTestNia()
afterAll(() => nia.close())
const veseli = await createNiaTown(nia, 'nia-veseli')
const jana = PERSONAS.find((persona) => persona.id === 'jana-novakova')!

const cookieOf = (setCookie: string) => setCookie.split(';')[0]!

describe('the AuthnRequest NIA receives', () => {
	test('is signed RSA-SHA256, asks for the eIDAS attributes as a public-sector SeP and for at least the town LoA', async () => {
		await niaAnswer(veseli)
		const received = nia.received.findLast((message) => message.kind === 'AuthnRequest')!
		expect(received).toMatchObject({
			binding: 'HTTP-Redirect',
			accepted: true,
			signature: { present: true, valid: true, sigAlg: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' },
		})
		expect(received.issuer).toBe('https://nia-veseli.test/portal')
		expect(received.authn).toMatchObject({
			spType: 'public',
			acsUrl: 'http://nia-veseli.test:3000/auth/nia/acs',
			requestedAuthnContext: { comparison: 'minimum', classRefs: [LOA_URI.substantial] },
		})
		expect(received.authn!.requestedAttributes.map((attribute) => attribute.name)).toEqual(Object.values(NIA_ATTRIBUTE))
		expect(received.authn!.requestedAttributes.find((attribute) => attribute.name === NIA_ATTRIBUTE.PersonIdentifier)?.isRequired).toBe(true)
	})

	test('a town that requires "high" asks NIA for high', async () => {
		const strict = await createNiaTown(nia, 'nia-strict', { minimumLoa: 'high' })
		await niaAnswer(strict, { persona: 'josef-dvorak' })
		expect(nia.received.at(-1)!.authn!.requestedAuthnContext!.classRefs).toEqual([LOA_URI.high])
	})

	test('the request id is stored server-side with where to return, and nothing else decides it', async () => {
		await niaAnswer(veseli, { returnTo: '/poplatky?rok=2026' })
		const id = nia.received.at(-1)!.id!
		const stored = await veseli.db.samlRequest.findUniqueOrThrow({ where: { id } })
		expect(stored.returnTo).toBe('/poplatky?rok=2026')
		expect(stored.usedAt).toBeNull()
		expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(5 * 60_000)
		expect(nia.received.at(-1)!.relayState).toBeUndefined()
	})
})

describe('a successful login', () => {
	test('creates the citizen just in time from NIA attributes, marks a resident, starts a session and audits it', async () => {
		const form = await niaAnswer(veseli, { returnTo: '/poplatky' })
		const result = await postToAcs(veseli, form.fields.SAMLResponse!)
		expect(result).toMatchObject({ ok: true, returnTo: '/poplatky' })
		if (!result.ok) return
		expect(result.setCookie).toMatch(/^portal_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/)
		expect(result.setCookie).not.toMatch(/Domain=/i) // host-only: never sent to another town's host
		const person = await veseli.db.person.findUniqueOrThrow({ where: { personIdentifier: jana.personIdentifier } })
		expect(person).toMatchObject({
			givenName: 'Jana',
			familyName: 'Nováková',
			email: jana.email,
			phone: jana.phone,
			isResident: true,
			municipalityCode: '586846',
			levelOfAssurance: 'substantial',
		})
		expect(person.dateOfBirth?.toISOString().slice(0, 10)).toBe('1985-03-14')
		expect(person.address).toMatchObject({ Thoroughfare: 'Zámecká', LocatorDesignator: '1234/5', PostCode: '69801' })
		expect(person.addressIds).toMatchObject({ obecKod: '586846', adresniMistoKod: '19320101' })
		const session = await veseli.db.session.findFirstOrThrow({ where: { personId: person.id } })
		expect(session.niaNameId).toMatch(/^[0-9a-f-]{36}$/)
		expect(session.niaSessionIndex).toBeTruthy()
		expect(await lastAudit(veseli)).toMatchObject({
			action: 'auth.login',
			outcome: 'ok',
			actorId: person.id,
			details: { loa: 'substantial', firstLogin: true },
		})
	})

	test('a second login refreshes what NIA knows and keeps what the citizen entered; still one person', async () => {
		await postToAcs(veseli, (await niaAnswer(veseli)).fields.SAMLResponse!)
		await veseli.db.person.update({
			where: { personIdentifier: jana.personIdentifier },
			data: { givenName: 'Stará', email: null, isResident: false, notificationEmail: 'jana@domov.example', notifyByEmail: false },
		})
		const result = await postToAcs(veseli, (await niaAnswer(veseli)).fields.SAMLResponse!)
		expect(result.ok).toBe(true)
		const people = await veseli.db.person.findMany({ where: { personIdentifier: jana.personIdentifier } })
		expect(people).toHaveLength(1)
		expect(people[0]).toMatchObject({ givenName: 'Jana', email: jana.email, isResident: true, notificationEmail: 'jana@domov.example', notifyByEmail: false })
		expect(await lastAudit(veseli)).toMatchObject({ action: 'auth.login', details: { firstLogin: false } })
	})

	test("the Brno cottage owner is a citizen of the portal but not a resident of Veselí (TRadresaID's obecKod)", async () => {
		const result = await postToAcs(veseli, (await niaAnswer(veseli, { persona: 'petr-svoboda' })).fields.SAMLResponse!)
		expect(result.ok).toBe(true)
		const petr = await veseli.db.person.findUniqueOrThrow({ where: { personIdentifier: 'CZ/CZ/17169a53-ef40-467f-bdfc-2c846f2f3361' } })
		expect(petr).toMatchObject({ isResident: false, municipalityCode: '582786' })
	})

	test('logging in rotates the session: the one the browser came with is ended', async () => {
		const first = await postToAcs(veseli, (await niaAnswer(veseli)).fields.SAMLResponse!)
		if (!first.ok) throw new Error('first login failed')
		const before = await sessionCount(veseli)
		const second = await postToAcs(veseli, (await niaAnswer(veseli)).fields.SAMLResponse!, cookieOf(first.setCookie))
		expect(second.ok).toBe(true)
		expect(await sessionCount(veseli)).toBe(before)
	})

	test.each(['//evil.example/', 'https://evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'http:/evil.example'])(
		'returnTo %s cannot send the citizen to another site: the login ends on "/"',
		async (returnTo) => {
			const form = await niaAnswer(veseli, { returnTo })
			expect((await veseli.db.samlRequest.findUniqueOrThrow({ where: { id: nia.received.at(-1)!.id! } })).returnTo).toBe('/')
			const result = await postToAcs(veseli, form.fields.SAMLResponse!)
			expect(result).toMatchObject({ ok: true, returnTo: '/' })
		},
	)
})

describe('logout', () => {
	test('ends the local session, audits it and sends NIA a signed LogoutRequest for the NIA session', async () => {
		const login = await postToAcs(veseli, (await niaAnswer(veseli)).fields.SAMLResponse!)
		if (!login.ok) throw new Error('login failed')
		const request = new Request('http://nia-veseli.test:3000/auth/nia/logout', { method: 'POST', headers: { cookie: cookieOf(login.setCookie) } })
		const context = { portal: { kind: 'tenant' as const, tenant: veseli.tenant, cspNonce: '', requestId: 'test' } }
		const user = await getCurrentUser(request, context)
		expect(user.actor).toEqual({ kind: 'citizen', personId: login.personId })
		const before = await sessionCount(veseli)
		const { setCookie, niaLogoutUrl } = await endCitizenSession({ user, request })
		expect(setCookie).toMatch(/^portal_session=; .*Max-Age=0/)
		expect(await sessionCount(veseli)).toBe(before - 1)
		// The next request with the same cookie is anonymous (one request's answer is kept for that request).
		const next = new Request('http://nia-veseli.test:3000/', { headers: { cookie: cookieOf(login.setCookie) } })
		expect((await getCurrentUser(next, context)).actor).toEqual({ kind: 'anonymous' })
		expect(await lastAudit(veseli)).toMatchObject({ action: 'auth.logout', actorId: login.personId })

		const answer = await fetch(niaLogoutUrl!)
		expect(answer.status).toBe(200)
		const received = nia.received.at(-1)!
		expect(received).toMatchObject({ kind: 'LogoutRequest', accepted: true, signature: { valid: true }, relayState: 'logout' })
		expect(received.logout?.matchesIssuedSession).toBe(true)
		expect(await answer.text()).toContain('action="http://nia-veseli.test:3000/auth/nia/logout-return"')
	})
})
