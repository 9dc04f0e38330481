// All towns share ONE Prisma client and ONE small pool; the town's schema travels with each statement
// (docs/decisions/020-one-client-for-all-towns.md). Here two towns' requests run interleaved, many at
// once, on the same two pooled connections: plain reads, findUnique calls (which Prisma batches per
// tick), batch and interactive transactions, raw SQL; no answer may hold a row of the other town.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getDatabaseUrl, getPool, initPool } from './pool.server'
import { getTenantDb, SCHEMA_PLACEHOLDER, tenantPrismaClientCount } from './tenant-db.server'

type Town = Awaited<ReturnType<typeof createTown>>
let north: Town
let south: Town
const PEOPLE_PER_TOWN = 30

beforeAll(async () => {
	north = await createTown('north-town')
	south = await createTown('south-town')
	// The same ids in both towns: a mix-up could not hide behind an id that exists in one town only.
	for (const town of [north, south]) {
		const tag = town === north ? 'N' : 'S'
		await sql(
			`INSERT INTO ${town.schema}.person (id, given_name, family_name)
			 SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, $1 || i, $1 FROM generate_series(1, ${PEOPLE_PER_TOWN}) i`,
			[tag],
		)
	}
})

const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

/** One "request" of a town: several kinds of reads and writes, each answer checked for the town's tag. */
async function request(town: Town, tag: 'N' | 'S', i: number, seen: string[]) {
	const db = getTenantDb(town.tenant)
	const check = (family: string | null | undefined) => {
		if (family !== tag) seen.push(`${tag} saw ${family}`)
	}
	switch (i % 6) {
		case 0:
			for (const person of await db.person.findMany({ take: 5, skip: i % PEOPLE_PER_TOWN })) check(person.familyName)
			break
		case 1: {
			// Several findUnique in the same tick: Prisma merges them into one statement per batch key.
			const people = await Promise.all([1, 2, 3].map((n) => db.person.findUnique({ where: { id: idOf(((i + n) % PEOPLE_PER_TOWN) + 1) } })))
			for (const person of people) check(person?.familyName)
			break
		}
		case 2: {
			const [count, first] = await db.$transaction([db.person.count({ where: { familyName: tag } }), db.person.findFirst({ orderBy: { givenName: 'asc' } })])
			if (count !== PEOPLE_PER_TOWN) seen.push(`${tag} counted ${count}`)
			check(first?.familyName)
			break
		}
		case 3:
			await db.$transaction(async (tx) => {
				const person = await tx.person.findUniqueOrThrow({ where: { id: idOf((i % PEOPLE_PER_TOWN) + 1) } })
				check(person.familyName)
				await tx.auditLog.create({ data: { actorId: person.id, action: `probe.${tag}` } })
				// Yield inside the transaction so the other town's work runs in between.
				await new Promise((resolve) => setImmediate(resolve))
				for (const entry of await tx.auditLog.findMany({ where: { actorId: person.id }, include: { actor: true } })) check(entry.actor?.familyName)
			})
			break
		case 4: {
			const rows = await db.$queryRawUnsafe<{ family_name: string }[]>(`SELECT family_name FROM ${town.schema}.person LIMIT 3`)
			for (const row of rows) check(row.family_name)
			break
		}
		default: {
			const settings = await db.townSettings.findUnique({ where: { id: 1 } })
			const name = (settings?.name as { cs?: string } | undefined)?.cs
			if (name !== `Obec ${town.tenant.slug}`) seen.push(`${tag} saw settings ${name}`)
		}
	}
}

describe('two towns interleaved on the same pooled connections', () => {
	let url: string
	beforeAll(() => {
		url = getDatabaseUrl()
		// Two connections only: every connection serves both towns many times over.
		initPool(`${url}${url.includes('?') ? '&' : '?'}application_name=interleave`, { max: 2 })
	})
	afterAll(() => {
		initPool(url, { max: 4 })
	})

	test('600 interleaved requests: no answer holds a row of the other town, and one Prisma client served both', async () => {
		const seen: string[] = []
		const failures: string[] = []
		// Six callers per town keep both connections busy without outwaiting Prisma's 2 s transaction start.
		let next = 0
		const caller = async () => {
			while (next < 300) {
				const i = next++
				const results = await Promise.allSettled([request(north, 'N', i, seen), request(south, 'S', i, seen)])
				for (const r of results) if (r.status === 'rejected') failures.push(String(r.reason).slice(0, 300))
			}
		}
		await Promise.all(Array.from({ length: 6 }, caller))
		expect(failures).toEqual([])
		expect(seen).toEqual([])
		expect(tenantPrismaClientCount()).toBe(1)

		// The writes made inside the interactive transactions stayed in their own town.
		const northProbes = await sql<{ action: string }>(`SELECT DISTINCT action FROM ${north.schema}.audit_log WHERE action LIKE 'probe.%'`)
		const southProbes = await sql<{ action: string }>(`SELECT DISTINCT action FROM ${south.schema}.audit_log WHERE action LIKE 'probe.%'`)
		expect(northProbes).toEqual([{ action: 'probe.N' }])
		expect(southProbes).toEqual([{ action: 'probe.S' }])

		// Only the two pooled connections were used, and none carries town state.
		const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'interleave'`)
		expect(rows[0].n).toBeLessThanOrEqual(2)
		expect((await getPool().query<{ search_path: string }>('SHOW search_path')).rows[0].search_path).toBe('"$user", public')
	}, 90_000)

	test('the placeholder schema never reaches Postgres, and a query outside any town context is refused', async () => {
		expect(await sql(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [SCHEMA_PLACEHOLDER])).toEqual([])
		// Reaching the shared client without a town (e.g. a private field) fails closed.
		const client = new pg.Client({ connectionString: getDatabaseUrl() })
		await client.connect()
		try {
			await expect(client.query(`SELECT 1 FROM "${SCHEMA_PLACEHOLDER}".person`)).rejects.toThrow(/does not exist/)
		} finally {
			await client.end()
		}
	})
})
