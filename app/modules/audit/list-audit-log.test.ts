import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { AuditFilterSchema } from './audit-filter-schema'
import { AUDIT_PAGE_SIZE, listAuditLog, pragueMidnight } from './list-audit-log.server'

const town = await createTown('audit-list')
const db = getTenantDb(town.tenant)
const auditor = defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-000000000002', roles: ['auditor'], agendas: [] })
const clerk = defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-000000000003', roles: ['clerk'], agendas: ['payments'] })

// 120 entries: logins on 2026-11-01 and failed logins on 2026-11-02 (Prague time), one denial at 23:30 Prague on the 2nd.
await sql(`
	INSERT INTO ${town.schema}.audit_log (at, action, outcome, details)
	SELECT timestamptz '2026-11-01 08:00:00+01' + n * interval '1 minute', 'auth.login', 'ok', '{}' FROM generate_series(1, 60) n
	UNION ALL
	SELECT timestamptz '2026-11-02 08:00:00+01' + n * interval '1 minute', 'auth.login_failed', 'failed', jsonb_build_object('email', 'x' || n || '@t.test') FROM generate_series(1, 59) n
	UNION ALL
	SELECT timestamptz '2026-11-02 23:30:00+01', 'access.denied', 'denied', '{}'`)

describe('browsing the audit log', () => {
	test('50 entries a page, newest first, with the total and the number of pages', async () => {
		const first = await listAuditLog({ db, ability: auditor, filter: {} })
		expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE)
		expect(first.entries[0]!.action).toBe('access.denied')
		expect(first).toMatchObject({ total: 120, page: 1, pages: 3 })
		const third = await listAuditLog({ db, ability: auditor, filter: { page: 3 } })
		expect(third.entries).toHaveLength(20)
		expect(third.entries.at(-1)!.action).toBe('auth.login')
		expect(first.actions).toEqual(['access.denied', 'auth.login', 'auth.login_failed'])
	})

	test('filters by action, outcome and a date range in Prague days (an entry at 23:30 Prague belongs to that day)', async () => {
		expect((await listAuditLog({ db, ability: auditor, filter: { action: 'auth.login_failed' } })).total).toBe(59)
		expect((await listAuditLog({ db, ability: auditor, filter: { outcome: 'denied' } })).total).toBe(1)
		expect((await listAuditLog({ db, ability: auditor, filter: { from: '2026-11-02', to: '2026-11-02' } })).total).toBe(60)
		expect((await listAuditLog({ db, ability: auditor, filter: { to: '2026-11-01' } })).total).toBe(60)
		expect(pragueMidnight('2026-11-02').toISOString()).toBe('2026-11-01T23:00:00.000Z')
		expect(pragueMidnight('2026-07-02').toISOString()).toBe('2026-07-01T22:00:00.000Z')
	})

	test('a clerk, who may not read the log, gets nothing from the query even with filters (default deny inside AND)', async () => {
		expect(await listAuditLog({ db, ability: clerk, filter: { action: 'auth.login' } })).toMatchObject({ total: 0, entries: [], actions: [] })
	})

	test('bad filters are refused with a message key naming the field', () => {
		const issues = (input: Record<string, unknown>) => AuditFilterSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message])
		expect(issues({ od: '2026-13-45' })).toEqual([['od', 'validation.date']])
		expect(issues({ od: '2026-11-05', do: '2026-11-01' })).toEqual([['do', 'validation.dateRange']])
		expect(issues({ vysledek: 'maybe' })).toEqual([['vysledek', 'validation.auditOutcome']])
		expect(issues({ akce: "x'; DROP TABLE" })).toEqual([['akce', 'validation.auditAction']])
		expect(issues({ strana: '0' })).toEqual([['strana', 'validation.page']])
	})
})
