// Settings edited from the vendor console (issue 18): each group is checked by the blueprint's schema,
// applied the way `tenant apply` applies, audited with the old and the new value in platform_audit and
// in the town's own audit log; bad input and unsafe coats of arms change nothing; an export after the
// edits re-applies with "no changes", and builds the same town anew when applied as a new town.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { migrate } from '../../../tests/db'
import { getPool } from '../db/pool.server'
import { applyBlueprint } from '../tenancy/apply-blueprint.server'
import { exportBlueprint, writeExportedBlueprint } from '../tenancy/export-blueprint.server'
import { loadBlueprint } from '../tenancy/load-blueprint.server'
import { editTownSettings, readTownSettings } from './edit-town-settings.server'
import { GROUP_SCHEMAS } from './settings-groups'

await migrate()

const SLUG = 'settings-town'
const ACTOR = 'vendor:dodavatel@example.cz'
const sql = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await getPool().query<T>(text, values)).rows

async function townWithBlueprint() {
	const source = await loadBlueprint(path.join('tenants', 'veseli-nad-moravou'))
	await applyBlueprint({ pool: getPool(), blueprint: { ...source, slug: SLUG, hosts: ['settings-town.localhost'], residents: undefined }, actor: 'test' })
}

const edit = (group: Parameters<typeof editTownSettings>[0]['group'], value: unknown, logo?: Parameters<typeof editTownSettings>[0]['logo']) =>
	editTownSettings({ slug: SLUG, group, value: GROUP_SCHEMAS[group].parse(value) as never, logo, actor: ACTOR })

describe('editing a town’s settings from the console', () => {
	test('a contact change is applied, audited with old and new value in both audits, and the export re-applies with no changes', async () => {
		await townWithBlueprint()
		const { blueprint } = await readTownSettings(SLUG)
		const contact = blueprint.contact as Record<string, unknown>
		const oldPhone = contact.phone as string
		const result = await edit('contact', { contact: { ...contact, phone: '+420 518 000 111' } })
		expect(result).toEqual({ ok: true, changes: [{ setting: 'contact.phone', old: oldPhone, new: '+420 518 000 111' }] })

		const platform = await sql<{ actor: string; details: unknown }>(
			`SELECT actor, details FROM platform.platform_audit WHERE action = 'settings.update' ORDER BY at DESC LIMIT 1`,
		)
		expect(platform[0]).toEqual({
			actor: ACTOR,
			details: { group: 'contact', changes: [{ setting: 'contact.phone', old: oldPhone, new: '+420 518 000 111' }] },
		})
		const town = await sql<{ subject: string; details: unknown }>(
			`SELECT subject, details FROM tenant_settings_town.audit_log WHERE action = 'settings.update'`,
		)
		expect(town).toEqual([{ subject: 'Setting:contact.phone', details: { by: ACTOR, setting: 'contact.phone', old: oldPhone, new: '+420 518 000 111' } }])
		expect(((await exportBlueprint(SLUG)).blueprint.contact as { phone: string }).phone).toBe('+420 518 000 111')

		// The same values again: nothing is written, nothing audited.
		expect(await edit('contact', { contact: { ...contact, phone: '+420 518 000 111' } })).toEqual({ ok: true, changes: [] })
		expect(await sql(`SELECT 1 FROM tenant_settings_town.audit_log WHERE action = 'settings.update'`)).toHaveLength(1)
	}, 120_000)

	test('two editors on one group: the second, who opened the page before the first saved, is refused and changes nothing', async () => {
		await townWithBlueprint()
		const opened = await readTownSettings(SLUG)
		const contact = opened.blueprint.contact as Record<string, unknown>
		const first = opened.version('contact')
		// Another group's version is its own: a save of the contact does not make the languages page stale.
		const languages = opened.version('languages')
		const save = (phone: string, expectedVersion: string) =>
			editTownSettings({
				slug: SLUG,
				group: 'contact',
				value: GROUP_SCHEMAS.contact.parse({ contact: { ...contact, phone } }) as never,
				actor: ACTOR,
				expectedVersion,
			})
		const audited = async () => (await sql(`SELECT 1 FROM tenant_settings_town.audit_log WHERE action = 'settings.update'`)).length
		const auditedBefore = await audited()
		expect(await save('+420 518 000 222', first)).toMatchObject({ ok: true })
		expect(await save('+420 518 000 333', first)).toEqual({ ok: false, stale: true, fieldErrors: {}, contrast: [], problems: [] })
		expect(((await exportBlueprint(SLUG)).blueprint.contact as { phone: string }).phone).toBe('+420 518 000 222')
		expect(await audited()).toBe(auditedBefore + 1)
		const reopened = await readTownSettings(SLUG)
		expect(reopened.version('contact')).not.toBe(first)
		expect(reopened.version('languages')).toBe(languages)
		// Saving again from the reloaded page replaces the value knowingly.
		expect(await save('+420 518 000 333', reopened.version('contact'))).toMatchObject({ ok: true })
	}, 120_000)

	test('name, languages, IBAN, hosts, NIA and agendas each round-trip; the export then re-applies with no changes', async () => {
		const { blueprint } = await readTownSettings(SLUG)
		expect(await edit('identity', { name: { cs: 'Město Veselí', en: 'Veseli', uk: 'Веселі' }, type: 'mesto', intro: blueprint.intro })).toMatchObject({
			ok: true,
			changes: [
				{ setting: 'name.cs', old: 'Město Veselí nad Moravou', new: 'Město Veselí' },
				{ setting: 'name.en', old: 'Town of Veselí nad Moravou', new: 'Veseli' },
				{ setting: 'name.uk', old: 'Місто Веселі-над-Моравою', new: 'Веселі' },
				{ setting: 'type', old: 'mesto', new: 'mesto' },
			].filter((change) => change.old !== change.new),
		})
		expect(await sql(`SELECT name FROM platform.tenant WHERE slug = $1`, [SLUG])).toEqual([{ name: 'Město Veselí' }])
		expect(await edit('languages', { locales: { default: 'cs', enabled: ['cs', 'en'] } })).toMatchObject({
			ok: true,
			changes: [{ setting: 'locales.enabled', old: 'cs, en, uk', new: 'cs, en' }],
		})
		expect(await edit('payments', { payments: { iban: 'CZ65 0800 0000 1920 0014 5399' } })).toMatchObject({
			ok: true,
			changes: [{ setting: 'payments.iban', new: 'CZ6508000000192000145399' }],
		})
		expect(await edit('hosts', { hosts: ['settings-town.localhost', 'settings-town-2.localhost'] })).toMatchObject({
			ok: true,
			changes: [{ setting: 'hosts', old: 'settings-town.localhost', new: 'settings-town.localhost, settings-town-2.localhost' }],
		})
		expect(
			await sql(`SELECT host, is_primary FROM platform.tenant_host h JOIN platform.tenant t ON t.id = h.tenant_id WHERE t.slug = $1 ORDER BY host`, [SLUG]),
		).toEqual([
			{ host: 'settings-town-2.localhost', is_primary: false },
			{ host: 'settings-town.localhost', is_primary: true },
		])
		const nia = blueprint.nia as Record<string, unknown>
		expect(
			await edit('nia', { nia: { spIssuer: nia.spIssuer, minimumLoa: 'high', municipalityCode: nia.municipalityCode, sessionIdleMinutes: 30 } }),
		).toMatchObject({ ok: true, changes: expect.arrayContaining([{ setting: 'nia.minimumLoa', old: 'substantial', new: 'high' }]) })
		const agendas = blueprint.submissionAgendas as { code: string; name: Record<string, string> }[]
		expect(await edit('agendas', { submissionAgendas: [...agendas, { code: 'stavebni', name: { cs: 'Stavební úřad' } }] })).toMatchObject({
			ok: true,
			changes: [
				{ setting: 'submissionAgendas[stavebni].code', old: null, new: 'stavebni' },
				{ setting: 'submissionAgendas[stavebni].name.cs', old: null, new: 'Stavební úřad' },
			],
		})

		const exported = await exportBlueprint(SLUG)
		expect(exported.blueprint.type).toBe('mesto')
		const folder = await writeExportedBlueprint(exported, await mkdtemp(path.join(tmpdir(), 'settings-')))
		expect((await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(folder), actor: 'test' })).changes).toEqual([])
	}, 120_000)

	test('the exported blueprint builds the same town anew: applied as a new town, its own export matches setting for setting', async () => {
		const exported = await exportBlueprint(SLUG)
		const folder = await writeExportedBlueprint(exported, await mkdtemp(path.join(tmpdir(), 'settings-')))
		// A fresh schema and fresh platform rows, from nothing but the exported folder.
		const copy = { ...(await loadBlueprint(folder)), slug: 'settings-copy', hosts: ['settings-copy.localhost'] }
		expect((await applyBlueprint({ pool: getPool(), blueprint: copy, actor: 'test' })).changes.length).toBeGreaterThan(0)
		const again = await exportBlueprint('settings-copy')
		expect({ ...again.blueprint, slug: SLUG, hosts: exported.blueprint.hosts }).toEqual(exported.blueprint)
		expect(again.files).toEqual(exported.files)
	}, 120_000)

	test('bad input is refused at its field and changes nothing: a foreign IBAN, a host of another town, an agenda still used by a form, low contrast', async () => {
		const before = await exportBlueprint(SLUG)
		expect(GROUP_SCHEMAS.payments.safeParse({ payments: { iban: 'DE89370400440532013000' } }).success).toBe(false)
		await sql(`INSERT INTO platform.tenant (id, slug, name) VALUES (gen_random_uuid(), 'other-town', 'Jiná obec') ON CONFLICT DO NOTHING`)
		await sql(
			`INSERT INTO platform.tenant_host (tenant_id, host, is_primary) SELECT id, 'other-town.localhost', true FROM platform.tenant WHERE slug = 'other-town' ON CONFLICT DO NOTHING`,
		)
		expect(await edit('hosts', { hosts: ['settings-town.localhost', 'other-town.localhost'] })).toMatchObject({
			ok: false,
			fieldErrors: { 'hosts[1]': ['hostTaken'] },
		})
		const used = (before.blueprint.forms as { agenda: string }[])[0]!.agenda
		const agendas = (before.blueprint.submissionAgendas as { code: string }[]).filter((agenda) => agenda.code !== used)
		const refused = await edit('agendas', { submissionAgendas: agendas })
		expect(refused).toMatchObject({ ok: false, fieldErrors: { submissionAgendas: ['agendaInUse'] } })
		const look = await edit('look', { theme: { preset: 'civic-blue', overrides: { 'color-text': '#cccccc' } } })
		expect(look).toMatchObject({ ok: false, fieldErrors: { 'theme.overrides.color-text': ['contrast'] } })
		expect((await exportBlueprint(SLUG)).blueprint).toEqual(before.blueprint)
	}, 120_000)

	test('a new coat of arms is applied and audited by size and hash, never its bytes', async () => {
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#0d5c63"/></svg>')
		const { blueprint } = await readTownSettings(SLUG)
		const result = await edit('look', { theme: blueprint.theme }, { type: 'image/svg+xml', bytes: svg })
		expect(result).toMatchObject({
			ok: true,
			changes: [{ setting: 'logo', new: expect.stringMatching(/^coat-of-arms\.svg \(0\.1 kB, sha256 [0-9a-f]{12}\)$/) }],
		})
		expect((await exportBlueprint(SLUG)).files['coat-of-arms.svg']).toEqual(svg)
	}, 120_000)
})
