import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { accessibleWhere, defineAbilityFor } from './ability.server'

const town = await createTown('casl-where')
const db = getTenantDb(town.tenant)
await db.auditLog.create({ data: { action: 'auth.login' } })
await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })

describe('accessibleWhere: default deny holds inside a combined where', () => {
	// Prisma 7 drops { OR: [] } (CASL's "no rule") when it is nested in AND: it would match every row.
	test('an actor with no rule for a subject reads nothing, whether the condition stands alone or inside AND', async () => {
		const clerk = defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-000000000009', roles: ['clerk'], agendas: [] })
		const anonymous = defineAbilityFor({ kind: 'anonymous' })
		expect(await db.auditLog.count({ where: accessibleWhere(clerk, 'read', 'AuditLog') })).toBe(0)
		expect(await db.auditLog.count({ where: { AND: [accessibleWhere(clerk, 'read', 'AuditLog'), { action: 'auth.login' }] } })).toBe(0)
		expect(await db.person.count({ where: { AND: [accessibleWhere(anonymous, 'read', 'Person')] } })).toBe(0)
		expect(await db.session.count({ where: { AND: [accessibleWhere(anonymous, 'read', 'Session')] } })).toBe(0)
	})

	test('an actor with a rule still reads what it allows', async () => {
		const auditor = defineAbilityFor({ kind: 'staff', staffUserId: '00000000-0000-4000-8000-000000000008', roles: ['auditor'], agendas: [] })
		expect(await db.auditLog.count({ where: { AND: [accessibleWhere(auditor, 'read', 'AuditLog'), { action: 'auth.login' }] } })).toBe(1)
	})
})
