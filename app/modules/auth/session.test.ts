import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { createSession, destroySession, getSession } from './session.server'

const townA = await createTown('session-a')
const townB = await createTown('session-b')
const optionsFor = (town: typeof townA, secure = false) => ({
	db: getTenantDb(town.tenant),
	tenant: { ...town.tenant, name: '', status: 'active' as const, primaryHost: '' },
	secure,
})
const withCookie = (setCookie: string) => new Request('http://town.localhost/', { headers: { cookie: setCookie.split(';')[0]! } })

async function newCitizen(town: typeof townA) {
	return getTenantDb(town.tenant).person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
}

describe('server-side sessions', () => {
	test('the cookie carries only an opaque id; the database keeps its hash', async () => {
		const person = await newCitizen(townA)
		const setCookie = await createSession(optionsFor(townA), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		expect(setCookie).toMatch(/^portal_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/)
		const token = setCookie.split(';')[0]!.split('=')[1]!
		const rows = await sql<{ id_hash: string }>(`SELECT id_hash FROM ${townA.schema}.session WHERE person_id = $1`, [person.id])
		expect(rows).toHaveLength(1)
		expect(rows[0]!.id_hash).not.toContain(token)
		expect((await getSession(optionsFor(townA), withCookie(setCookie)))?.personId).toBe(person.id)
	})

	test('in production the cookie is __Host- prefixed and Secure', async () => {
		const person = await newCitizen(townA)
		const setCookie = await createSession(optionsFor(townA, true), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		expect(setCookie).toMatch(/^__Host-portal_session=.*; Secure$/)
	})

	test('a session from one town is nothing in another town, even with the same cookie', async () => {
		const person = await newCitizen(townA)
		const setCookie = await createSession(optionsFor(townA), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		expect(await getSession(optionsFor(townB), withCookie(setCookie))).toBeNull()
	})

	test('login rotates the id: the pre-login session is gone', async () => {
		const person = await newCitizen(townA)
		const first = await createSession(optionsFor(townA), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		const second = await createSession(optionsFor(townA), withCookie(first), { kind: 'citizen', personId: person.id })
		expect(second).not.toBe(first)
		expect(await getSession(optionsFor(townA), withCookie(first))).toBeNull()
		expect(await getSession(optionsFor(townA), withCookie(second))).not.toBeNull()
	})

	test('idle timeout and absolute limit end a session and remove it', async () => {
		const person = await newCitizen(townA)
		const idle = await createSession(optionsFor(townA), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		await sql(`UPDATE ${townA.schema}.session SET last_seen_at = now() - interval '21 minutes' WHERE person_id = $1`, [person.id])
		expect(await getSession(optionsFor(townA), withCookie(idle), 20)).toBeNull()
		const old = await createSession(optionsFor(townA), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		await sql(`UPDATE ${townA.schema}.session SET expires_at = now() - interval '1 second' WHERE person_id = $1`, [person.id])
		expect(await getSession(optionsFor(townA), withCookie(old), 20)).toBeNull()
		expect(await sql(`SELECT 1 FROM ${townA.schema}.session WHERE person_id = $1`, [person.id])).toHaveLength(0)
	})

	test('logout removes the session and clears the cookie; forged cookies are ignored', async () => {
		const person = await newCitizen(townA)
		const setCookie = await createSession(optionsFor(townA), new Request('http://x/'), { kind: 'citizen', personId: person.id })
		expect(await destroySession(optionsFor(townA), withCookie(setCookie))).toContain('Max-Age=0')
		expect(await getSession(optionsFor(townA), withCookie(setCookie))).toBeNull()
		expect(await getSession(optionsFor(townA), withCookie('portal_session=not-a-token'))).toBeNull()
	})
})
