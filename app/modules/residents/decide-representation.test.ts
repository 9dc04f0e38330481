import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { decideRepresentation } from './decide-representation.server'

const town = await createTown('rep-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('rep-town')
const clerk = (
	await sql<{ id: string }>(`INSERT INTO ${s}.staff_user (email, name, roles, agendas) VALUES ('c@rep.test', 'C', '{clerk}', '{payments}') RETURNING id`)
)[0]!.id
const person = (await sql<{ id: string }>(`INSERT INTO ${s}.person (given_name, family_name) VALUES ('Jana', 'Nováková') RETURNING id`))[0]!.id
const resident = (
	await sql<{ id: string }>(`INSERT INTO ${s}.resident (given_name, family_name, date_of_birth) VALUES ('Eliška', 'Nováková', '2020-01-01') RETURNING id`)
)[0]!.id

describe('decideRepresentation', () => {
	test('a clerk confirms, then revokes; both audited', async () => {
		const rep = await db.representation.create({ data: { personId: person, residentId: resident, relation: 'parent' } })
		await decideRepresentation({ db, representationId: rep.id, decision: 'confirm', by: clerk })
		expect(await db.representation.findUniqueOrThrow({ where: { id: rep.id } })).toMatchObject({ confirmedBy: clerk, confirmedAt: expect.any(Date) })
		await decideRepresentation({ db, representationId: rep.id, decision: 'revoke', by: clerk })
		expect(await db.representation.count()).toBe(0)
		const actions = (await db.auditLog.findMany({ where: { subject: `Resident:${resident}` } })).map((a) => a.action).sort()
		expect(actions).toEqual(['representation.confirmed', 'representation.revoked'])
	})

	test('an unknown representation is refused', async () => {
		await expect(decideRepresentation({ db, representationId: crypto.randomUUID(), decision: 'confirm', by: clerk })).rejects.toThrow(/No such/)
	})
})
