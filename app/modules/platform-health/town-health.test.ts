import { afterAll, describe, expect, test, vi } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { startTestNia, createNiaTown } from '../../../tests/nia'
import { TEST_PASSWORD } from '../../../tests/staff'
import { getPool } from '../db/pool.server'
import type { TownFigures } from './health-rules'
import { getTenantDb } from '../db/tenant-db.server'
import { createVendor } from '../platform-auth/create-vendor.server'
import { refreshTownHealth } from './collect-town-health.server'
import { HealthQuerySchema } from './health-query'
import { getTownHealthDetail, listAllTownHealth, listTownHealth } from './list-town-health.server'
import { setTownStatusFromConsole } from './town-actions.server'
import { authenticateVendorToken, createVendorToken, listVendorTokens, revokeVendorToken } from './vendor-tokens.server'

const { nia } = await startTestNia()
afterAll(() => nia.close())

// Three towns: one with NIA set up and metadata fetched, two without NIA (red, "NIA is not set up").
const good = await createNiaTown(nia, 'health-good')
await createTown('health-plain')
const busy = await createTown('health-busy')
const tenants = await sql<{ id: string; slug: string; status: 'active' | 'suspended' }>(
	`SELECT id, slug, status FROM platform.tenant WHERE slug LIKE 'health-%' ORDER BY slug`,
)
const query = (input: Record<string, unknown> = {}) => HealthQuerySchema.parse(input)

describe('town health (vendor console)', () => {
	test("the job's refresh reads the town's figures into the summary row and a sample", async () => {
		// health-busy: 60 failed staff logins in the last day (amber) and a statement imported 10 days ago (amber).
		const busyDb = getTenantDb(busy.tenant)
		await busyDb.loginAttempt.createMany({
			data: Array.from({ length: 60 }, (_, index) => ({ identifier: `x${index}@example.cz`, success: false, at: new Date(Date.now() - 60_000) })),
		})
		await busyDb.bankStatement.create({ data: { format: 'gpc', fileName: 'v.gpc', sha256: 'x'.repeat(64), createdAt: new Date(Date.now() - 10 * 86_400_000) } })
		for (const tenant of tenants) await refreshTownHealth(getPool(), tenant)

		const [row] = await sql<{ level: string; figures: TownFigures }>(`SELECT level, figures FROM platform.town_health WHERE tenant_id = $1`, [busy.tenant.id])
		expect(row!.figures.security).toEqual({ failedLogins24h: 60, denied24h: 0, lockedAccounts: 0 })
		expect(row!.figures.bank.account).toBe(true)
		expect(row!.figures.schema.applied).toBe(row!.figures.schema.expected)

		const goodRow = (await listAllTownHealth()).find((town) => town.slug === 'health-good')!
		expect(goodRow.verdicts!.nia).toMatchObject({ level: 'green', reason: 'niaOk' })
		expect(goodRow.figures!.nia.certExpiresAt).toMatch(/^\d{4}-/)
		expect(goodRow.verdicts!.schema.level).toBe('green')
		const busyRow = (await listAllTownHealth()).find((town) => town.slug === 'health-busy')!
		expect(busyRow.verdicts!.security).toMatchObject({ level: 'amber', reason: 'securitySome', values: { failed: 60 } })
		expect(busyRow.verdicts!.bank).toMatchObject({ level: 'amber', reason: 'bankOld', values: { days: 10 } })
		expect(busyRow.verdicts!.nia).toMatchObject({ level: 'red', reason: 'niaMissing' })
		expect((await sql(`SELECT 1 FROM platform.town_health_sample WHERE tenant_id = $1`, [busy.tenant.id])).length).toBe(1)
	})

	test('a page of the table is one query whatever the number of towns; search, level filter and sorting', async () => {
		const spy = vi.spyOn(getPool(), 'query')
		const page = await listTownHealth(query({ q: 'health-', sort: 'slug' }))
		expect(spy).toHaveBeenCalledTimes(1)
		spy.mockRestore()
		expect(page.towns.map((town) => town.slug)).toEqual(['health-busy', 'health-good', 'health-plain'])
		expect(page.total).toBe(3)
		expect((await listTownHealth(query({ q: 'PLAIN' }))).towns.map((town) => town.slug)).toEqual(['health-plain'])
		expect((await listTownHealth(query({ q: 'health-plain.test' }))).towns.map((town) => town.slug)).toEqual(['health-plain'])
		// % and _ are literal in the search.
		expect((await listTownHealth(query({ q: 'health_' }))).total).toBe(0)
		// Problems first: the red towns (no NIA) before the green one, the one with more problems first.
		expect((await listTownHealth(query({ q: 'health-' }))).towns.map((town) => town.slug)).toEqual(['health-busy', 'health-plain', 'health-good'])
		// health-good has an account but no statement imported yet: amber, its only problem.
		expect((await listTownHealth(query({ q: 'health-', level: 'amber' }))).towns.map((town) => town.slug)).toEqual(['health-good'])
		expect((await listTownHealth(query({ q: 'health-', level: 'green' }))).total).toBe(0)
		// Bad parameters fall back to the defaults rather than failing.
		expect(query({ page: 'x', sort: 'DROP TABLE', level: 'purple' })).toEqual({ page: 1, q: '', sort: 'problems', level: 'all' })
	})

	test("suspending from the console is audited in platform_audit and shows in the town's status column", async () => {
		expect(await setTownStatusFromConsole({ slug: 'health-plain', status: 'suspended', actor: 'vendor:ops@vendor.test' })).toBe(true)
		expect(await setTownStatusFromConsole({ slug: 'health-plain', status: 'suspended', actor: 'vendor:ops@vendor.test' })).toBe(false)
		const detail = await getTownHealthDetail('health-plain')
		expect(detail!.town.verdicts!.status).toMatchObject({ level: 'amber', reason: 'suspended' })
		expect(detail!.audit).toEqual([
			expect.objectContaining({ actor: 'vendor:ops@vendor.test', action: 'tenant.suspend' }),
			expect.objectContaining({ action: 'tenant.create' }),
		])
		expect(detail!.samples.length).toBe(3)
		await setTownStatusFromConsole({ slug: 'health-plain', status: 'active', actor: 'vendor:ops@vendor.test' })
		expect((await getTownHealthDetail('health-plain'))!.audit.map((row) => row.action)).toEqual(['tenant.resume', 'tenant.suspend', 'tenant.create'])
		expect(await getTownHealthDetail('no-such-town')).toBeNull()
	})

	test('vendor tokens: shown once, stored hashed, revocable, dead with a disabled account; creation and revocation audited', async () => {
		const vendor = await createVendor({ email: 'monitor@vendor.test', name: 'Monitor', password: TEST_PASSWORD, actor: 'test' })
		const { id, token } = await createVendorToken({ vendorStaffId: vendor.id, name: 'Zabbix' })
		expect(token).toMatch(/^pvt_[\w-]{43}$/)
		expect((await sql(`SELECT 1 FROM platform.vendor_token WHERE token_hash = $1`, [token])).length).toBe(0)
		const bearer = (value: string) => new Request('http://platform.test/platform/health.json', { headers: { authorization: `Bearer ${value}` } })
		expect(await authenticateVendorToken(bearer(token))).toEqual({ vendorStaffId: vendor.id, tokenId: id })
		expect(await authenticateVendorToken(bearer(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`))).toBeNull()
		expect(await authenticateVendorToken(new Request('http://platform.test/'))).toBeNull()
		expect((await listVendorTokens(vendor.id))[0]!.lastUsedAt).not.toBeNull()

		const other = await createVendorToken({ vendorStaffId: vendor.id, name: 'Grafana' })
		await sql(`UPDATE platform.vendor_staff SET disabled_at = now() WHERE id = $1`, [vendor.id])
		expect(await authenticateVendorToken(bearer(other.token))).toBeNull()
		await sql(`UPDATE platform.vendor_staff SET disabled_at = NULL WHERE id = $1`, [vendor.id])

		expect(await revokeVendorToken({ vendorStaffId: vendor.id, tokenId: id })).toBe(true)
		expect(await revokeVendorToken({ vendorStaffId: vendor.id, tokenId: id })).toBe(false)
		expect(await authenticateVendorToken(bearer(token))).toBeNull()
		expect(await authenticateVendorToken(bearer(other.token))).not.toBeNull()
		const audit = await sql<{ action: string }>(`SELECT action FROM platform.platform_audit WHERE actor = $1 ORDER BY id`, [`vendor:${vendor.id}`])
		expect(audit.map((row) => row.action)).toEqual(['vendor_token.create', 'vendor_token.create', 'vendor_token.revoke'])
	})

	test('a town whose figures cannot be read gets a red row with the error, not old figures', async () => {
		await sql(`ALTER TABLE ${good.schema}.person RENAME TO person_away`)
		try {
			const result = await refreshTownHealth(getPool(), { id: good.tenant.id, slug: good.tenant.slug, status: 'active' })
			expect(result.level).toBe('red')
			const row = (await listAllTownHealth()).find((town) => town.slug === 'health-good')!
			expect(row).toMatchObject({ level: 'red', verdicts: null })
			expect(row.error).toMatch(/person/)
		} finally {
			await sql(`ALTER TABLE ${good.schema}.person_away RENAME TO person`)
		}
	})
})
