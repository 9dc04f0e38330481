import { expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { linkResident } from './link-resident.server'

const town = await createTown('link-town')
const db = getTenantDb(town.tenant)
const dob = new Date('1985-03-14')

test('links the one matching resident ignoring case and diacritics; namesakes born the same day are left to a clerk', async () => {
	const jana = await db.resident.create({ data: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: dob } })
	await db.resident.create({ data: { givenName: 'Jana', familyName: 'Nováková', dateOfBirth: new Date('1990-01-01') } })
	const person = await db.person.create({ data: { givenName: 'JANA', familyName: 'Novakova', dateOfBirth: dob } })
	expect(await linkResident(db, person)).toBe(jana.id)
	expect(await linkResident(db, person)).toBeNull()

	await db.resident.createMany({ data: [1, 2].map(() => ({ givenName: 'Petr', familyName: 'Svoboda', dateOfBirth: dob })) })
	const petr = await db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda', dateOfBirth: dob } })
	expect(await linkResident(db, petr)).toBeNull()
	expect(await db.resident.count({ where: { personId: petr.id } })).toBe(0)
})
