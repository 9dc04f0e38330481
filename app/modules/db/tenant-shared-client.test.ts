// The shared Prisma client (decision 020) on the paths that once lost the town: the first page of a
// town created after the client was built (getTownProfile: findUnique with omit, then count and
// findUnique in one Promise.all), and findUnique calls of two towns issued in the same tick, which
// Prisma batches. Every answer must come from its own town, and no call may fail.
import { beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { invalidateTownCaches } from '../tenancy/town-cache.server'
import { getTownProfile } from '../tenancy/town-profile.server'
import type * as tenantDbModule from './tenant-db.server'
import { getTenantDb, setTenantClientCacheSize, tenantPrismaClientCount } from './tenant-db.server'

type TenantDbModule = typeof tenantDbModule

type Town = Awaited<ReturnType<typeof createTown>>
let first: Town

const settingsName = async (town: Town) => {
	const settings = await getTenantDb(town.tenant).townSettings.findUnique({ where: { id: 1 }, select: { name: true } })
	return (settings?.name as { cs?: string } | undefined)?.cs
}

beforeAll(async () => {
	first = await createTown('prvni-mesto')
	// The shared client exists and has compiled its plans before the next towns are created.
	expect(await settingsName(first)).toBe('Obec prvni-mesto')
})

describe('one client for all towns', () => {
	test('a town created after the client was built serves its first profile, alone and in parallel with another town', async () => {
		const fresh = await createTown('cerstve-mesto')
		invalidateTownCaches('*')
		const alone = await getTownProfile({ ...fresh.tenant, status: 'active' } as never)
		expect(alone.name.cs).toBe('Obec cerstve-mesto')

		const later = await createTown('pozdni-mesto')
		invalidateTownCaches('*')
		const [a, b] = await Promise.all([
			getTownProfile({ ...first.tenant, status: 'active' } as never),
			getTownProfile({ ...later.tenant, status: 'active' } as never),
		])
		expect(a.name.cs).toBe('Obec prvni-mesto')
		expect(b.name.cs).toBe('Obec pozdni-mesto')
	})

	test('findUnique of two towns in the same tick (one Prisma batch window) each answer from their own town', async () => {
		const second = await createTown('druhe-mesto')
		for (let round = 0; round < 20; round++) {
			const names = await Promise.all([settingsName(first), settingsName(second), settingsName(first), settingsName(second)])
			expect(names).toEqual(['Obec prvni-mesto', 'Obec druhe-mesto', 'Obec prvni-mesto', 'Obec druhe-mesto'])
		}
		// The same, started from outside any async context the handles set (a bare microtask chain).
		const results = await Promise.all(
			[first, second, first, second].map((town) =>
				Promise.resolve().then(() => getTenantDb(town.tenant).townSettings.findUnique({ where: { id: 1 }, select: { id: true } })),
			),
		)
		expect(results.map((row) => row?.id)).toEqual([1, 1, 1, 1])
	})

	test('two bundled copies of this module (the Express entry and the Remix build) share the client and the town context', async () => {
		// server.ts and the Remix build are bundled separately and both import tenant-db.server; the client
		// lives on globalThis (singleton). The copy that did not build the client must still reach the right
		// town: the bug that reverted decision 020 the first time ("Tenant query outside a town context"
		// on a town's first page, whose handle the other copy built).
		const other = (await import('./tenant-db.server.ts?second-copy' as string)) as TenantDbModule
		expect(other.getTenantDb).not.toBe(getTenantDb)
		const fresh = await createTown('druha-kopie')
		const read = (db: typeof getTenantDb, town: Town) => db(town.tenant).townSettings.findUnique({ where: { id: 1 }, select: { name: true } })
		const name = (row: Awaited<ReturnType<typeof read>>) => (row?.name as { cs?: string } | undefined)?.cs
		for (const [builder, user] of [
			[getTenantDb, other.getTenantDb],
			[other.getTenantDb, getTenantDb],
		]) {
			setTenantClientCacheSize(7 + Math.round(Math.random() * 100)) // drops every cached handle
			expect(name(await read(builder, first))).toBe('Obec prvni-mesto')
			expect(name(await read(user, fresh))).toBe('Obec druha-kopie')
			const names = await Promise.all([read(user, fresh), read(builder, first), read(user, first), read(builder, fresh)])
			expect(names.map(name)).toEqual(['Obec druha-kopie', 'Obec prvni-mesto', 'Obec prvni-mesto', 'Obec druha-kopie'])
		}
		expect(tenantPrismaClientCount()).toBe(1)
	})

	test('a write through one town never lands in another', async () => {
		const a = await createTown('zapis-a')
		const b = await createTown('zapis-b')
		await Promise.all([
			getTenantDb(a.tenant).auditLog.create({ data: { action: 'probe.a' } }),
			getTenantDb(b.tenant).auditLog.create({ data: { action: 'probe.b' } }),
		])
		expect(await sql(`SELECT action FROM ${a.schema}.audit_log WHERE action LIKE 'probe.%'`)).toEqual([{ action: 'probe.a' }])
		expect(await sql(`SELECT action FROM ${b.schema}.audit_log WHERE action LIKE 'probe.%'`)).toEqual([{ action: 'probe.b' }])
	})
})
