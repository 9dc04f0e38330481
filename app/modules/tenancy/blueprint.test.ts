import { cpSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { beforeAll, describe, expect, test } from 'vitest'
import { applyTestBlueprint, createTown, migrate, REPO_ROOT, schemaExists, sql, testBlueprint, writeBlueprint } from '../../../tests/db'
import { makeTempDir } from '../../../tests/temp'
import { getDatabaseUrl, getPool } from '../db/pool.server'
import { isAppError, type AppError } from '../errors/app-error'
import { applyBlueprint } from './apply-blueprint.server'
import { listTenants } from './list-tenants.server'
import { loadBlueprint } from './load-blueprint.server'
import { invalidateTenantCache, resolveTenantByHost } from './resolve-tenant.server'
import { setTenantStatus } from './set-tenant-status.server'
import { TENANT_CHANGED_CHANNEL } from './tenant-events.server'

beforeAll(() => migrate())

async function rejection(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	)
	if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`)
	return error
}

async function auditOf(slug: string) {
	const rows = await sql<{ action: string; details: { changes?: string[] } }>(
		`SELECT a.action, a.details FROM platform.platform_audit a JOIN platform.tenant t ON t.id = a.tenant_id WHERE t.slug = $1 ORDER BY a.id`,
		[slug],
	)
	return rows
}

async function hostsOf(slug: string) {
	return sql<{ host: string; is_primary: boolean }>(
		`SELECT h.host, h.is_primary FROM platform.tenant_host h JOIN platform.tenant t ON t.id = h.tenant_id WHERE t.slug = $1 ORDER BY h.host`,
		[slug],
	)
}

describe('loadBlueprint', () => {
	test('the demo towns load with their hosts, locales, theme, IBAN and logo', async () => {
		const veseli = await loadBlueprint(path.join(REPO_ROOT, 'tenants/veseli-nad-moravou'))
		expect(veseli).toMatchObject({
			slug: 'veseli-nad-moravou',
			hosts: ['veseli.localhost', 'veseli-nad-moravou.localhost'],
			locales: { default: 'cs', enabled: ['cs', 'en', 'uk'] },
			theme: { preset: 'civic-blue', overrides: { 'color-primary': '#0d5c63' } },
			payments: { iban: 'CZ1401000000000019330659' },
		})
		expect(veseli.logoFile?.type).toBe('image/svg+xml')
		expect(veseli.logoFile?.bytes.toString('utf8')).toContain('<svg')

		const znojmo = await loadBlueprint(path.join(REPO_ROOT, 'tenants/znojmo'))
		expect(znojmo).toMatchObject({ slug: 'znojmo', hosts: ['znojmo.localhost'], theme: { preset: 'wine-red', overrides: {} } })
	})

	test('the template is valid except that its slug does not match the _template folder', async () => {
		const error = await rejection(loadBlueprint(path.join(REPO_ROOT, 'tenants/_template')))
		expect(error.code).toBe('blueprint_invalid')
		expect(error.details).toEqual(['slug: "template-town" must match the folder name "_template"'])

		const copy = path.join(makeTempDir(), 'template-town')
		cpSync(path.join(REPO_ROOT, 'tenants/_template'), copy, { recursive: true })
		const loaded = await loadBlueprint(copy)
		expect(loaded.slug).toBe('template-town')
		expect(loaded.logoFile?.type).toBe('image/svg+xml')
	})

	test('a blueprint with many mistakes is refused listing every problem with its path, and nothing is applied', async () => {
		const secret = 'sk_live_51Hq8Ftotallysecret'
		const dir = writeBlueprint(
			testBlueprint('broken-town', {
				hosts: ['Broken_Town.test', 'broken.test'],
				locales: { default: 'en', enabled: ['cs', 'de'] },
				theme: { preset: 'civic-blue', overrides: { 'color-text': '#aaaaaa' } },
				logo: 'missing.svg',
				payments: { iban: 'CZ00 1234 5678 9012' },
				gateways: { gopay: { clientId: { env: 'BROKEN_GOPAY_ID' }, clientSecret: secret } },
			}),
		)
		const error = await rejection(loadBlueprint(dir))
		expect(error.code).toBe('blueprint_invalid')
		const expectedProblems = [
			['hosts.0: ', 'lower-case host name'],
			['locales.enabled.1: ', '"cs"|"en"|"uk"'],
			['locales.default: ', 'the default locale must be one of the enabled ones'],
			['payments.iban: ', 'valid Czech IBAN'],
			['gateways.gopay.clientSecret: ', ''],
			['theme: ', 'color-text on color-bg: contrast'],
			['theme: ', 'color-text on color-surface: contrast'],
			['logo: ', 'missing.svg not found'],
		]
		for (const [where, what] of expectedProblems) {
			expect(error.details, `${where}${what}`).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${escape(where)}.*${escape(what)}`))]))
			expect(error.message).toContain(where)
		}
		expect(error.details.filter((d) => !d.startsWith('theme: The theme'))).toHaveLength(expectedProblems.length)
		// The secret that was pasted in by mistake is not echoed into logs or the terminal.
		expect(error.message).not.toContain(secret)

		expect(await schemaExists('tenant_broken_town')).toBe(false)
		expect(await sql(`SELECT 1 FROM platform.tenant WHERE slug = 'broken-town'`)).toEqual([])
	})

	test('a logo with a script, or a .png that is not a PNG, is refused', async () => {
		const svg = writeBlueprint(testBlueprint('svg-town', { logo: 'logo.svg' }), {
			files: { 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>' },
		})
		expect((await rejection(loadBlueprint(svg))).details).toEqual([
			'logo: logo.svg was refused: it has an event handler attribute (on…) (onload); upload a plain SVG',
		])
		const png = writeBlueprint(testBlueprint('png-town', { logo: 'logo.png' }), { files: { 'logo.png': '<svg></svg>' } })
		expect((await rejection(loadBlueprint(png))).details).toEqual(['logo: logo.png is not a PNG image'])
	})

	test('a file that is not YAML, or a folder without a blueprint, is refused', async () => {
		expect((await rejection(loadBlueprint(makeTempDir()))).code).toBe('blueprint_invalid')
		const dir = writeBlueprint({ slug: 'yaml-town' })
		writeFileSync(path.join(dir, 'blueprint.yaml'), 'slug: [unclosed\n')
		const error = await rejection(loadBlueprint(dir))
		expect(error.code).toBe('blueprint_invalid')
		expect(error.message).toContain('not valid YAML')
	})
})

describe('applyBlueprint', () => {
	test('the demo towns can be created side by side and are listed with their primary hosts', async () => {
		for (const slug of ['veseli-nad-moravou', 'znojmo']) {
			const result = await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug)), actor: 'test' })
			expect(result).toMatchObject({ slug, created: true })
		}
		const towns = await listTenants()
		expect(towns.filter((t) => ['veseli-nad-moravou', 'znojmo'].includes(t.slug))).toEqual([
			expect.objectContaining({
				slug: 'veseli-nad-moravou',
				status: 'active',
				primaryHost: 'veseli.localhost',
				hosts: ['veseli-nad-moravou.localhost', 'veseli.localhost'],
			}),
			expect.objectContaining({ slug: 'znojmo', status: 'active', primaryHost: 'znojmo.localhost', hosts: ['znojmo.localhost'] }),
		])
		const [settings] = await sql<{ iban: string; logo_type: string; default_locale: string }>(
			'SELECT iban, logo_type, default_locale FROM tenant_znojmo.town_settings',
		)
		expect(settings).toEqual({ iban: 'CZ7808000000000027012351', logo_type: 'image/svg+xml', default_locale: 'cs' })
	})

	test("the blueprint's fee rules become rule version 1; the same rules add nothing, changed rates add version 2 and version 1 stays", async () => {
		const veseli = await loadBlueprint(path.join(REPO_ROOT, 'tenants', 'veseli-nad-moravou'))
		const blueprint = { ...testBlueprint('fee-town'), fees: veseli.fees }
		const dir = writeBlueprint(blueprint)
		expect((await applyTestBlueprint(dir)).changes).toContain('fee rules: version 1')
		expect((await applyTestBlueprint(dir)).changes).toEqual([])
		const waste = veseli.fees!.feeTypes.find((fee) => fee.code === 'waste')!
		const raised = { ...veseli.fees!, feeTypes: veseli.fees!.feeTypes.map((fee) => (fee === waste ? { ...fee, rates: { ...fee.rates, 2026: 900 } } : fee)) }
		expect((await applyTestBlueprint(writeBlueprint({ ...blueprint, fees: raised }))).changes).toContain('fee rules: version 2')
		const versions = await sql<{ version: number; rate: number }>(
			`SELECT version, (rules->'feeTypes'->0->'rates'->>'2026')::int AS rate FROM tenant_fee_town.fee_rule_version ORDER BY version`,
		)
		expect(versions).toEqual([
			{ version: 1, rate: 720 },
			{ version: 2, rate: 900 },
		])
		expect(veseli.fees!.discount).toEqual({ percent: 20, feeTypes: ['waste'], condition: 'portal_payment_by_due_date', discountWithoutLogin: false })
		expect((await loadBlueprint(path.join(REPO_ROOT, 'tenants', 'znojmo'))).fees!.discount).toBeUndefined()
	})

	test('is idempotent, and reports changed settings and added, removed and re-ordered hosts', async () => {
		const blueprint = testBlueprint('apply-town', { hosts: ['apply.test', 'www.apply.test'] })
		const dir = writeBlueprint(blueprint)
		const first = await applyTestBlueprint(dir)
		expect(first).toEqual({ slug: 'apply-town', created: true, changes: ['town created', 'host added: apply.test', 'host added: www.apply.test'] })

		expect(await applyTestBlueprint(dir)).toEqual({ slug: 'apply-town', created: false, changes: [] })
		expect((await auditOf('apply-town')).map((a) => a.action)).toEqual(['tenant.create'])

		const listener = new pg.Client({ connectionString: getDatabaseUrl() })
		await listener.connect()
		const notified = new Promise<string | undefined>((resolve) => listener.on('notification', (message) => resolve(message.payload)))
		await listener.query(`LISTEN ${TENANT_CHANGED_CHANNEL}`)
		try {
			const changedDir = writeBlueprint({
				...blueprint,
				name: { cs: 'Obec Nová' },
				intro: { cs: 'Nový úvod.' },
				hosts: ['www.apply.test', 'new.apply.test'],
				theme: { preset: 'civic-blue', overrides: { 'color-primary': '#0d5c63' } },
			})
			const changed = await applyTestBlueprint(changedDir)
			expect(changed).toEqual({
				slug: 'apply-town',
				created: false,
				changes: [
					'setting: name',
					'setting: intro',
					'setting: themeOverrides',
					'primary host: www.apply.test',
					'host added: new.apply.test',
					'host removed: apply.test',
					'platform name',
				],
			})
			// Running app processes hear about it at once and drop their cached hosts.
			expect(await notified).toBe('apply-town')

			expect(await hostsOf('apply-town')).toEqual([
				{ host: 'new.apply.test', is_primary: false },
				{ host: 'www.apply.test', is_primary: true },
			])
			const [settings] = await sql(`SELECT name, intro, theme_overrides FROM tenant_apply_town.town_settings`)
			expect(settings).toEqual({ name: { cs: 'Obec Nová' }, intro: { cs: 'Nový úvod.' }, theme_overrides: { 'color-primary': '#0d5c63' } })
			expect(await sql(`SELECT name FROM platform.tenant WHERE slug = 'apply-town'`)).toEqual([{ name: 'Obec Nová' }])
			const audit = await auditOf('apply-town')
			expect(audit.map((a) => a.action)).toEqual(['tenant.create', 'tenant.update'])
			expect(audit[1].details.changes).toEqual(changed.changes)

			expect(await applyTestBlueprint(changedDir)).toEqual({ slug: 'apply-town', created: false, changes: [] })
		} finally {
			await listener.end()
		}
	})

	test('refuses a host that belongs to another town and writes nothing, for a new town or an existing one', async () => {
		await createTown('owner-town', { hosts: ['owner.test', 'shared.test'] })
		const other = await createTown('other-town')

		const thief = writeBlueprint(testBlueprint('thief-town', { hosts: ['thief.test', 'shared.test'] }))
		const error = await rejection(applyTestBlueprint(thief))
		expect(error.code).toBe('host_taken')
		expect(error.details).toEqual(['hosts: shared.test belongs to owner-town'])
		expect(await schemaExists('tenant_thief_town')).toBe(false)
		expect(await sql(`SELECT 1 FROM platform.tenant WHERE slug = 'thief-town'`)).toEqual([])
		expect(await sql(`SELECT 1 FROM platform.tenant_host WHERE host = 'thief.test'`)).toEqual([])

		// An existing town that tries to take the host: none of its other changes are applied either.
		const greedy = writeBlueprint(testBlueprint('other-town', { hosts: ['other-town.test', 'owner.test'], intro: { cs: 'Změněno.' } }))
		expect((await rejection(applyTestBlueprint(greedy))).details).toEqual(['hosts: owner.test belongs to owner-town'])
		expect(await hostsOf('other-town')).toEqual([{ host: 'other-town.test', is_primary: true }])
		expect(await sql(`SELECT intro FROM ${other.schema}.town_settings`)).toEqual([{ intro: { cs: 'Vítejte.' } }])
		expect(await hostsOf('owner-town')).toEqual([
			{ host: 'owner.test', is_primary: true },
			{ host: 'shared.test', is_primary: false },
		])
		expect((await auditOf('other-town')).map((a) => a.action)).toEqual(['tenant.create'])
	})
})

describe('setTenantStatus', () => {
	test('suspends and resumes a town, once each, with an audit entry, and its hosts resolve accordingly', async () => {
		await createTown('status-town')
		const pool = getPool()
		const statusOf = async () => (await sql<{ status: string }>(`SELECT status FROM platform.tenant WHERE slug = 'status-town'`))[0].status

		expect(await setTenantStatus({ pool, slug: 'status-town', status: 'suspended', actor: 'test' })).toBe(true)
		expect(await statusOf()).toBe('suspended')
		invalidateTenantCache()
		expect(await resolveTenantByHost('status-town.test')).toMatchObject({ kind: 'tenant', tenant: { slug: 'status-town', status: 'suspended' } })
		expect(await setTenantStatus({ pool, slug: 'status-town', status: 'suspended', actor: 'test' })).toBe(false)

		expect(await setTenantStatus({ pool, slug: 'status-town', status: 'active', actor: 'test' })).toBe(true)
		expect(await statusOf()).toBe('active')
		invalidateTenantCache()
		expect(await resolveTenantByHost('status-town.test')).toMatchObject({ kind: 'tenant', tenant: { status: 'active' } })

		expect((await auditOf('status-town')).map((a) => a.action)).toEqual(['tenant.create', 'tenant.suspend', 'tenant.resume'])
		const error = await rejection(setTenantStatus({ pool, slug: 'no-such-town', status: 'suspended', actor: 'test' }))
		expect(error.code).toBe('tenant_not_found')
	})
})

function escape(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
