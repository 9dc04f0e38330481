// The `portal` command as an operator runs it: a real child process against the worker's database.
// Child processes cost about half a second each, so independent runs go in parallel.
import { describe, expect, test } from 'vitest'
import { portal } from '../../tests/cli'
import { REPO_ROOT, schemaExists, sql, testBlueprint, writeBlueprint } from '../../tests/db'
import { readMigrations } from '../modules/db/migrations.server'

const platformCount = (await readMigrations('platform', REPO_ROOT)).length
const tenantCount = (await readMigrations('tenant', REPO_ROOT)).length

// Generous: each test starts up to five Node processes, and a busy 2-core machine slows them down.
describe('portal CLI', { timeout: 60_000 }, () => {
	test('--help lists the commands; usage mistakes exit 2; an unreachable database exits 3', async () => {
		const [help, tenantHelp, unknown, missingArgument, noDatabase] = await Promise.all([
			portal(['--help']),
			portal(['tenant', '--help']),
			portal(['frobnicate']),
			portal(['tenant', 'apply']),
			portal(['tenant', 'list'], { env: { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nothing' } }),
		])
		expect(help.code).toBe(0)
		expect(help.stdout).toMatch(/^\s+migrate\s/m)
		expect(help.stdout).toMatch(/^\s+tenant\s/m)
		expect(tenantHelp.code).toBe(0)
		for (const command of ['apply', 'list', 'suspend', 'resume']) expect(tenantHelp.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))

		expect(unknown.code).toBe(2)
		expect(unknown.stderr).toContain("unknown command 'frobnicate'")
		expect(missingArgument.code).toBe(2)
		expect(missingArgument.stderr).toContain("missing required argument 'dir'")
		expect(noDatabase.code).toBe(3)
		expect(noDatabase.stderr).toContain('Cannot reach the database')
	})

	test('tenant apply on a bad blueprint exits 1, lists every problem and changes nothing', async () => {
		const dir = writeBlueprint(testBlueprint('bad-town', { payments: { iban: 'CZ123' }, hosts: ['BAD HOST'] }), { files: { 'logo.svg': null } })
		const run = await portal(['tenant', 'apply', dir])
		expect(run.code).toBe(1)
		expect(run.stderr).toContain('has problems; nothing was applied')
		expect(run.stderr).toContain('payments.iban: must be a valid Czech IBAN')
		expect(run.stderr).toContain('hosts.0: must be a lower-case host name')
		expect(run.stderr).toContain('logo: file logo.svg not found')
		expect(run.stdout).toBe('')
		expect(await schemaExists('platform')).toBe(false)
		expect(await schemaExists('tenant_bad_town')).toBe(false)
	})

	describe('on one database, in order', () => {
		const dir = writeBlueprint(testBlueprint('cli-town', { hosts: ['cli-town.test', 'www.cli-town.test'] }))

		test('tenant apply creates the town on a fresh database, printing progress and changes; a second run prints "no changes"', async () => {
			const first = await portal(['tenant', 'apply', dir])
			expect(first.stderr).toBe('')
			expect(first.code).toBe(0)
			const lines = first.stdout.trim().split('\n')
			expect(lines[0]).toBe(`platform: ${platformCount} pending`)
			expect(lines).toContain(`[1/1] tenant_cli_town: ${tenantCount} pending`)
			expect(lines.filter((line) => /^ {4}applied \d{14}_\w+ \(\d+ ms\)$/.test(line))).toHaveLength(platformCount + tenantCount)
			expect(lines.at(-1)).toBe('cli-town: town created; host added: cli-town.test; host added: www.cli-town.test')

			const second = await portal(['tenant', 'apply', dir])
			expect(second.code).toBe(0)
			expect(second.stdout.trim().split('\n')).toEqual(['platform: up to date', '[1/1] tenant_cli_town: up to date', 'cli-town: no changes'])
			expect(await sql(`SELECT action FROM platform.platform_audit ORDER BY id`)).toEqual([{ action: 'tenant.create' }])
		})

		test('tenant list --json prints the towns as JSON', async () => {
			const run = await portal(['tenant', 'list', '--json'])
			expect(run.code).toBe(0)
			const towns = JSON.parse(run.stdout)
			expect(towns).toEqual([
				{
					slug: 'cli-town',
					name: 'Obec cli-town',
					status: 'active',
					createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
					primaryHost: 'cli-town.test',
					hosts: ['cli-town.test', 'www.cli-town.test'],
				},
			])
		})

		test('tenant suspend then resume change the status once each; an unknown town exits 1', async () => {
			const suspend = await portal(['tenant', 'suspend', 'cli-town'])
			expect(suspend).toMatchObject({ code: 0, stdout: 'cli-town: now suspended\n' })
			expect(await sql(`SELECT status FROM platform.tenant WHERE slug = 'cli-town'`)).toEqual([{ status: 'suspended' }])

			const [resume, unknown] = await Promise.all([portal(['tenant', 'resume', 'cli-town']), portal(['tenant', 'suspend', 'no-such-town'])])
			expect(resume).toMatchObject({ code: 0, stdout: 'cli-town: now active\n' })
			expect(await sql(`SELECT status FROM platform.tenant WHERE slug = 'cli-town'`)).toEqual([{ status: 'active' }])
			expect(unknown.code).toBe(1)
			expect(unknown.stderr).toContain('No town with slug "no-such-town"')
		})

		test('migrate prints progress for every schema and brings a registered but unmigrated town up to date', async () => {
			await sql(`INSERT INTO platform.tenant (slug, name) VALUES ('late-town', 'Obec Pozdní')`)
			const run = await portal(['migrate'])
			expect(run.code).toBe(0)
			const lines = run.stdout.trim().split('\n')
			expect(lines.slice(0, 3)).toEqual(['platform: up to date', '[1/2] tenant_cli_town: up to date', `[2/2] tenant_late_town: ${tenantCount} pending`])
			expect(lines[3]).toMatch(/^ {4}applied \d{14}_\w+ \(\d+ ms\)$/)
			expect(lines.at(-1)).toBe(`Done: 3 schemas checked, ${tenantCount} migrations applied.`)
			expect(await schemaExists('tenant_late_town')).toBe(true)
		})
	})
})
