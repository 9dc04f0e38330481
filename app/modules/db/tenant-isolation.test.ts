// A town never sees another town's data. Both towns' clients share one pg.Pool, so every check here
// is about the schema name travelling with each query, never with a pooled connection.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getPool } from './pool.server'
import { getTenantDb, setTenantClientCacheSize, tenantClientCount } from './tenant-db.server'

type Town = Awaited<ReturnType<typeof createTown>>
let alpha: Town
let beta: Town

beforeAll(async () => {
	alpha = await createTown('alpha-town')
	beta = await createTown('beta-town')
})

afterAll(() => setTenantClientCacheSize(100))

/** What is really stored in one town's schema, read with plain SQL. */
async function peopleIn(town: Town) {
	const rows = await sql<{ given_name: string }>(`SELECT given_name FROM ${town.schema}.person ORDER BY given_name`)
	return rows.map((row) => row.given_name)
}
async function auditActionsIn(town: Town) {
	const rows = await sql<{ action: string }>(`SELECT action FROM ${town.schema}.audit_log ORDER BY id`)
	return rows.map((row) => row.action)
}
async function clearTowns() {
	// The audit log refuses TRUNCATE (append-only); tests may lift that for their own scratch towns.
	for (const town of [alpha, beta]) {
		await sql(`ALTER TABLE ${town.schema}.audit_log DISABLE TRIGGER audit_log_no_truncate`)
		await sql(`TRUNCATE ${town.schema}.audit_log, ${town.schema}.person CASCADE`)
		await sql(`ALTER TABLE ${town.schema}.audit_log ENABLE TRIGGER audit_log_no_truncate`)
	}
}

describe('two towns on one pool', () => {
	test('reads see only the own town: the settings each town was created with, and its people', async () => {
		await clearTowns()
		await sql(`INSERT INTO ${alpha.schema}.person (given_name, family_name) VALUES ('Alena', 'Alfová')`)
		await sql(`INSERT INTO ${beta.schema}.person (given_name, family_name) VALUES ('Bohdan', 'Betka')`)
		const alphaDb = getTenantDb(alpha.tenant)
		const betaDb = getTenantDb(beta.tenant)

		const [alphaPeople, betaPeople] = await Promise.all([alphaDb.person.findMany(), betaDb.person.findMany()])
		expect(alphaPeople.map((p) => p.givenName)).toEqual(['Alena'])
		expect(betaPeople.map((p) => p.givenName)).toEqual(['Bohdan'])
		expect((await alphaDb.townSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toMatchObject({ cs: 'Obec alpha-town' })
		expect((await betaDb.townSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toMatchObject({ cs: 'Obec beta-town' })
		expect(await alphaDb.person.count({ where: { givenName: 'Bohdan' } })).toBe(0)
	})

	test('a nested write (person with audit entries) lands entirely in the own schema', async () => {
		await clearTowns()
		const created = await getTenantDb(alpha.tenant).person.create({
			data: {
				givenName: 'Adam',
				familyName: 'Alfa',
				auditEntries: { create: [{ action: 'person.register' }, { action: 'person.login' }] },
			},
			include: { auditEntries: true },
		})
		expect(created.auditEntries).toHaveLength(2)
		await getTenantDb(beta.tenant).person.create({
			data: { givenName: 'Berta', familyName: 'Beta', auditEntries: { create: { action: 'person.import' } } },
		})

		expect(await peopleIn(alpha)).toEqual(['Adam'])
		expect(await auditActionsIn(alpha)).toEqual(['person.register', 'person.login'])
		const actors = await sql<{ actor_id: string }>(`SELECT DISTINCT actor_id FROM ${alpha.schema}.audit_log`)
		expect(actors).toEqual([{ actor_id: created.id }])
		expect(await peopleIn(beta)).toEqual(['Berta'])
		expect(await auditActionsIn(beta)).toEqual(['person.import'])
		// Nothing leaked into a schema on the default search path either.
		expect(await sql(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'person' ORDER BY 1`)).toEqual(
			expect.not.arrayContaining([{ table_schema: 'public' }]),
		)
	})

	test('relation loads (include) join within the own schema even when ids collide across towns', async () => {
		await clearTowns()
		const sharedId = '11111111-1111-4111-8111-111111111111'
		await sql(`INSERT INTO ${alpha.schema}.person (id, given_name, family_name) VALUES ($1, 'Alois', 'Alfa')`, [sharedId])
		await sql(`INSERT INTO ${beta.schema}.person (id, given_name, family_name) VALUES ($1, 'Blanka', 'Beta')`, [sharedId])
		await sql(`INSERT INTO ${alpha.schema}.audit_log (actor_id, action) VALUES ($1, 'alpha.only')`, [sharedId])
		await sql(`INSERT INTO ${beta.schema}.audit_log (actor_id, action) VALUES ($1, 'beta.one'), ($1, 'beta.two')`, [sharedId])

		const fromAlpha = await getTenantDb(alpha.tenant).person.findUniqueOrThrow({ where: { id: sharedId }, include: { auditEntries: true } })
		const fromBeta = await getTenantDb(beta.tenant).auditLog.findMany({ include: { actor: true }, orderBy: { id: 'asc' } })

		expect(fromAlpha.givenName).toBe('Alois')
		expect(fromAlpha.auditEntries.map((a) => a.action)).toEqual(['alpha.only'])
		expect(fromBeta.map((a) => [a.action, a.actor?.givenName])).toEqual([
			['beta.one', 'Blanka'],
			['beta.two', 'Blanka'],
		])
	})

	test('interactive transactions commit to the own schema, and one that throws leaves no trace anywhere', async () => {
		await clearTowns()
		const alphaDb = getTenantDb(alpha.tenant)
		const betaDb = getTenantDb(beta.tenant)

		// Both towns' transactions run at the same time on connections from the same pool.
		await Promise.all([
			alphaDb.$transaction(async (tx) => {
				const person = await tx.person.create({ data: { givenName: 'Anna', familyName: 'Alfa' } })
				await tx.auditLog.create({ data: { actorId: person.id, action: 'alpha.tx' } })
				await tx.person.update({ where: { id: person.id }, data: { email: 'anna@alpha.example' } })
			}),
			betaDb.$transaction(async (tx) => {
				const person = await tx.person.create({ data: { givenName: 'Bára', familyName: 'Beta' } })
				await tx.auditLog.create({ data: { actorId: person.id, action: 'beta.tx' } })
			}),
		])
		expect(await peopleIn(alpha)).toEqual(['Anna'])
		expect(await peopleIn(beta)).toEqual(['Bára'])
		expect(await auditActionsIn(alpha)).toEqual(['alpha.tx'])
		expect(await auditActionsIn(beta)).toEqual(['beta.tx'])
		expect(await sql(`SELECT email FROM ${alpha.schema}.person`)).toEqual([{ email: 'anna@alpha.example' }])

		const failed = alphaDb.$transaction(async (tx) => {
			const person = await tx.person.create({ data: { givenName: 'Rollback', familyName: 'Alfa' } })
			await tx.auditLog.create({ data: { actorId: person.id, action: 'rolled.back' } })
			expect(await tx.person.count()).toBe(2)
			throw new Error('payment provider said no')
		})
		await expect(failed).rejects.toThrow('payment provider said no')
		expect(await peopleIn(alpha)).toEqual(['Anna'])
		expect(await peopleIn(beta)).toEqual(['Bára'])
		expect(await auditActionsIn(alpha)).toEqual(['alpha.tx'])
		expect(await auditActionsIn(beta)).toEqual(['beta.tx'])

		// No connection was left pointing at a town: the schema travels in the SQL (PgBouncer-safe).
		const clients = await Promise.all([getPool().connect(), getPool().connect()])
		try {
			for (const client of clients) {
				const { rows } = await client.query<{ search_path: string }>('SHOW search_path')
				expect(rows[0].search_path).toBe('"$user", public')
			}
		} finally {
			for (const client of clients) client.release()
		}
	})
})

describe('the tenant client cache', () => {
	test('returns the same client for the same town and a different one for another town', () => {
		const first = getTenantDb(alpha.tenant)
		expect(getTenantDb({ ...alpha.tenant })).toBe(first)
		expect(getTenantDb(beta.tenant)).not.toBe(first)
	})

	test('is bounded, and a town whose client was evicted still works when asked again', async () => {
		const gamma = await createTown('gamma-town')
		await sql(`INSERT INTO ${gamma.schema}.person (given_name, family_name) VALUES ('Gustav', 'Gama')`)
		setTenantClientCacheSize(2)

		const alphaClient = getTenantDb(alpha.tenant)
		getTenantDb(beta.tenant)
		getTenantDb(gamma.tenant)
		expect(tenantClientCount()).toBe(2)

		const alphaAgain = getTenantDb(alpha.tenant)
		expect(alphaAgain).not.toBe(alphaClient)
		expect(tenantClientCount()).toBe(2)
		await clearTowns()
		await sql(`INSERT INTO ${alpha.schema}.person (given_name, family_name) VALUES ('Alžběta', 'Alfa')`)
		expect((await alphaAgain.person.findMany()).map((p) => p.givenName)).toEqual(['Alžběta'])
		expect((await getTenantDb(gamma.tenant).person.findMany()).map((p) => p.givenName)).toEqual(['Gustav'])

		// Fifty towns through a cache of two: memory stays bounded, the shared pool is not exhausted.
		for (let i = 0; i < 50; i++) getTenantDb({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, slug: `town-${i}` })
		expect(tenantClientCount()).toBe(2)
		expect(await getTenantDb(beta.tenant).person.count()).toBe(0)
	})
})
