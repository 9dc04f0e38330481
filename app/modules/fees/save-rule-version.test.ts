import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { previewHousehold } from './preview-household'
import { rulebookIssueKey } from './rulebook-issue-key'
import { RulebookSchema } from './rulebook-schema'
import { saveRuleVersion } from './save-rule-version.server'

const town = await createTown('rules-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('rules-town')
const names = { cs: 'Odpad', en: 'Waste', uk: 'Відходи' }
const dogNames = { cs: 'Pes', en: 'Dog', uk: 'Собака' }
const rules = (wasteRate: number) => ({
	feeTypes: [
		{
			code: 'waste',
			kind: 'waste',
			names,
			rates: { 2026: wasteRate },
			cap: 1200,
			reliefs: [{ kind: 'age_under', code: 'child_under_6', under: 6, percent: 100 }],
			instalments: [{ dueDate: '05-31', percent: 100 }],
		},
		{ code: 'dog', kind: 'dog', names: dogNames, rates: { 2026: 500 }, instalments: [{ dueDate: '03-31', percent: 100 }] },
	],
	discount: { percent: 10, feeTypes: ['waste'], condition: 'portal_payment_by_due_date' },
})
const staff = (await sql<{ id: string }>(`INSERT INTO ${s}.staff_user (email, name, roles) VALUES ('admin@rules.test', 'Admin', '{admin}') RETURNING id`))[0]!
	.id

describe('saveRuleVersion', () => {
	test('invalid rules: translated issue keys with paths, nothing saved, nothing audited', async () => {
		const bad = rules(720)
		bad.feeTypes[0]!.instalments = [{ dueDate: '05-31', percent: 60 }]
		bad.feeTypes[0]!.rates = { 2026: 1500 }
		const result = await saveRuleVersion({ db, rules: bad, by: staff })
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.issues.map(rulebookIssueKey)).toEqual(
			expect.arrayContaining([
				{ key: 'rules.errors.instalmentsSum', path: 'feeTypes.0.instalments' },
				{ key: 'rules.errors.overCap', path: 'feeTypes.0.rates.2026' },
			]),
		)
		const wrongDate = rules(720)
		wrongDate.feeTypes[1]!.instalments = [{ dueDate: '31.3.', percent: 100 }]
		const second = await saveRuleVersion({ db, rules: wrongDate, by: staff })
		expect(second.ok ? [] : second.issues.map(rulebookIssueKey)).toEqual([{ key: 'rules.errors.invalid_format', path: 'feeTypes.1.instalments.0.dueDate' }])
		expect(await db.feeRuleVersion.count()).toBe(0)
		expect(await db.auditLog.count({ where: { action: 'fees.rules_saved' } })).toBe(0)
	})

	test('each change is a new version, issued claims keep theirs, the same rules again make none; audited', async () => {
		expect(await saveRuleVersion({ db, rules: rules(720), by: staff })).toEqual({ ok: true, version: 1, created: true })
		expect(await saveRuleVersion({ db, rules: rules(720), by: staff })).toEqual({ ok: true, version: 1, created: false })
		expect(await saveRuleVersion({ db, rules: rules(900), by: staff })).toEqual({ ok: true, version: 2, created: true })
		const versions = await db.feeRuleVersion.findMany({ orderBy: { version: 'asc' } })
		expect(versions.map((v) => (v.rules as ReturnType<typeof rules>).feeTypes[0]!.rates[2026])).toEqual([720, 900])
		const audits = await db.auditLog.findMany({ where: { action: 'fees.rules_saved' }, orderBy: { subject: 'asc' } })
		expect(audits.map((a) => [a.subject, a.staffId])).toEqual([
			['FeeRuleVersion:1', staff],
			['FeeRuleVersion:2', staff],
		])
	})
})

describe('previewHousehold', () => {
	test('2 adults and a child under 6 with one dog: the child is relieved, the dog is the keeper’s', () => {
		const preview = previewHousehold(RulebookSchema.parse(rules(900)), 2026)
		// 2 × 900 CZK waste + 500 CZK dog, in haléře; the discount applies to waste only.
		expect(preview.total).toBe(230_000)
		expect(preview.totalOnline).toBe(230_000 - 18_000)
		expect(preview.lines.find((l) => l.who === 'child')?.amount).toBe(0)
	})
})
