// Settings round trip (issue 18): a blueprint is applied, the town's admins edit in the office (fee
// rules, a form), `tenant export` writes the state back, `tenant apply` of the export reports "no
// changes", and the export applied to a fresh town gives the same state (compared export to export).
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { migrate } from '../../../tests/db'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { saveRuleVersion } from '../fees/save-rule-version.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { publishFormVersion } from '../form-builder/publish-form-version.server'
import { applyBlueprint } from './apply-blueprint.server'
import { exportBlueprint, writeExportedBlueprint } from './export-blueprint.server'
import { loadBlueprint } from './load-blueprint.server'

await migrate()

describe('tenant export', () => {
	test('apply, edit in the office, export, re-apply: no changes; the export applied to a fresh town exports the same', async () => {
		const source = await loadBlueprint(path.join('tenants', 'veseli-nad-moravou'))
		const blueprint = { ...source, slug: 'roundtrip', hosts: ['roundtrip.localhost', 'roundtrip-2.localhost'], residents: undefined }
		await applyBlueprint({ pool: getPool(), blueprint, actor: 'test' })
		const { tenant } = { tenant: (await getPool().query<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'roundtrip'`)).rows[0]! }
		const db = getTenantDb({ id: tenant.id, slug: 'roundtrip' })

		// Office edits: a new fee rule version (waste fee raised) and a new version of a form.
		const rules = JSON.parse(JSON.stringify(source.fees)) as { feeTypes: { code: string; rates: Record<string, number> }[] }
		rules.feeTypes.find((fee) => fee.code === 'waste')!.rates['2027'] = 780
		expect(await saveRuleVersion({ db, rules, by: '00000000-0000-4000-8000-000000000001' })).toMatchObject({ ok: true, created: true })
		const form = FormDefinitionSchema.parse({ ...source.forms[0]!, title: { ...source.forms[0]!.title, cs: 'Přihlášení psa (upraveno)' } })
		await publishFormVersion({ db, definition: form, staff: { id: '00000000-0000-4000-8000-000000000001', name: 'Admin' } })

		const dir = await mkdtemp(path.join(tmpdir(), 'export-'))
		const exported = await exportBlueprint('roundtrip')
		const folder = await writeExportedBlueprint(exported, dir)
		expect(await readFile(path.join(folder, 'blueprint.yaml'), 'utf8')).toContain('Přihlášení psa (upraveno)')
		const again = await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(folder), actor: 'test' })
		expect(again.changes).toEqual([])

		// A fresh town from the export (its own schema, other hosts) holds the same settings.
		const fresh = { ...(await loadBlueprint(folder)), slug: 'roundtrip-fresh', hosts: ['roundtrip-fresh.localhost', 'roundtrip-fresh-2.localhost'] }
		expect((await applyBlueprint({ pool: getPool(), blueprint: fresh, actor: 'test' })).created).toBe(true)
		const freshExport = await exportBlueprint('roundtrip-fresh')
		const comparable = (value: typeof exported) => ({ ...value.blueprint, slug: null, hosts: null })
		expect(comparable(freshExport)).toEqual(comparable(exported))
		expect(Object.keys(freshExport.files)).toEqual(Object.keys(exported.files))
	}, 180_000)
})
