import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { readClaimFilters } from './claim-filters'
import { claimsCsv } from './claims-csv.server'
import { CLAIMS_PAGE_SIZE, listClaims } from './list-claims.server'

const town = await createTown('claimlist-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('claimlist-town')
const staff = (roles: ('clerk' | 'admin' | 'auditor')[], agendas: ('payments' | 'submissions')[] = []) =>
	defineAbilityFor({ kind: 'staff', staffUserId: crypto.randomUUID(), roles, agendas })
const paymentsClerk = staff(['clerk'], ['payments'])
const filters = (query: string) => readClaimFilters(new URL(`http://x/?${query}`))

// 30 waste claims for "Novák" (2026) and one dog claim for "Svobodová" (2025).
await sql(
	`INSERT INTO ${s}.resident (id, given_name, family_name, date_of_birth) VALUES ('00000000-0000-4000-8000-000000000001', 'Petr', 'Novák', '1980-01-01'), ('00000000-0000-4000-8000-000000000002', 'Eva', 'Svobodová', '1970-01-01')`,
)
await sql(
	`INSERT INTO ${s}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key)
	 SELECT '00000000-0000-4000-8000-000000000001', 'waste', 2026, '{}', 72000, 72000, DATE '2026-05-31', '26' || lpad(g::text, 8, '0'), 'k' || g FROM generate_series(1, 30) g`,
)
await sql(
	`INSERT INTO ${s}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, status) VALUES ('00000000-0000-4000-8000-000000000002', 'dog', 2025, '{}', 50000, 50000, '2025-03-31', '2500000019', 'dog1', 'paid')`,
)

describe('clerk claims list', () => {
	test('filters by fee type, year, status, VS and name; paginated', async () => {
		expect((await listClaims({ db, ability: paymentsClerk, filters: filters('') })).total).toBe(31)
		const page1 = await listClaims({ db, ability: paymentsClerk, filters: filters('poplatek=waste&rok=2026') })
		expect(page1).toMatchObject({ total: 30, pages: 2 })
		expect(page1.claims).toHaveLength(CLAIMS_PAGE_SIZE)
		expect((await listClaims({ db, ability: paymentsClerk, filters: filters('poplatek=waste&strana=2') })).claims).toHaveLength(5)
		expect((await listClaims({ db, ability: paymentsClerk, filters: filters('jmeno=svobod') })).claims.map((c) => c.name)).toEqual(['Eva Svobodová'])
		expect((await listClaims({ db, ability: paymentsClerk, filters: filters('stav=paid') })).claims.map((c) => c.variableSymbol)).toEqual(['2500000019'])
		expect((await listClaims({ db, ability: paymentsClerk, filters: filters('vs=25000') })).total).toBe(1)
		// A nonsense filter is dropped, not an error.
		expect((await listClaims({ db, ability: paymentsClerk, filters: filters('stav=bogus&rok=abc') })).total).toBe(31)
	})

	test('CSV export has every matching claim with a header', async () => {
		let csv = ''
		for await (const chunk of claimsCsv({ db, ability: paymentsClerk, filters: filters('poplatek=waste') })) csv += chunk
		// The BOM tells Excel the file is UTF-8.
		expect(csv.startsWith('\uFEFF')).toBe(true)
		const lines = csv.trim().split('\r\n')
		// In the clerk's language (issue 19): the fee's name, a Czech date, a decimal comma, the state's name.
		expect(lines[0]).toBe('Variabilní symbol;Jméno;Poplatek;Rok;Splátka;Částka;Zaplaceno;Splatnost;Stav')
		expect(lines).toHaveLength(31)
		expect(lines[1]).toMatch(/;Petr Novák;[^;]+;2026;1;720,00;0,00;31\. 5\. 2026;otevřený$/)
	})

	test('CASL: a clerk without the payments agenda sees no claims and cannot manage them; the auditor only reads', async () => {
		const plainClerk = staff(['clerk'], ['submissions'])
		expect(plainClerk.can('read', 'Claim')).toBe(false)
		expect(plainClerk.can('create', 'Obligation')).toBe(false)
		expect((await listClaims({ db, ability: plainClerk, filters: filters('') })).total).toBe(0)
		const auditor = staff(['auditor'])
		expect((await listClaims({ db, ability: auditor, filters: filters('') })).total).toBe(31)
		expect(auditor.can('update', 'Claim')).toBe(false)
		expect(auditor.can('create', 'Obligation')).toBe(false)
		expect(auditor.can('create', 'FeeRuleVersion')).toBe(false)
		expect(paymentsClerk.can('create', 'FeeRuleVersion')).toBe(false)
		expect(paymentsClerk.can('create', 'Obligation')).toBe(true)
		expect(staff(['admin']).can('create', 'FeeRuleVersion')).toBe(true)
	})
})
