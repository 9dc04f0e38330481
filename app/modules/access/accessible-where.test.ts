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

describe('accessibleWhere: a citizen reads claims of their own and confirmed represented residents', () => {
	test('own, represented (confirmed) yes; represented (unconfirmed) and strangers no', async () => {
		const me = await db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda' } })
		const resident = (givenName: string, personId?: string) =>
			db.resident.create({ data: { givenName, familyName: 'Svoboda', dateOfBirth: new Date('2000-01-01'), personId: personId ?? null } })
		const [self, child, senior, stranger] = await Promise.all([resident('Petr', me.id), resident('Eva'), resident('Karel'), resident('Cizí')])
		await db.representation.create({ data: { personId: me.id, residentId: child.id, confirmedAt: new Date() } })
		await db.representation.create({ data: { personId: me.id, residentId: senior.id } })
		let n = 0
		for (const r of [self, child, senior, stranger]) {
			n++
			await db.claim.create({
				data: {
					residentId: r.id,
					feeType: 'waste',
					year: 2026,
					label: { cs: r.givenName },
					baseAmount: 100,
					amount: 100,
					dueDate: new Date('2026-05-31'),
					variableSymbol: `260000${String(n).padStart(3, '0')}0`,
					generationKey: `casl:${n}`,
				},
			})
		}
		const citizen = defineAbilityFor({ kind: 'citizen', personId: me.id })
		const seen = await db.claim.findMany({ where: accessibleWhere(citizen, 'read', 'Claim'), select: { residentId: true } })
		expect(seen.map((c) => c.residentId).sort()).toEqual([self.id, child.id].sort())
		const residents = await db.resident.findMany({ where: { AND: [accessibleWhere(citizen, 'read', 'Resident')] }, select: { id: true } })
		expect(residents.map((r) => r.id).sort()).toEqual([self.id, child.id].sort())
	})
})
