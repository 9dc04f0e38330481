// What a citizen can do with their own data: contact preferences, the GDPR export (JSON and PDF) and
// closing the account. Real Postgres, a town from a blueprint, the person as NIA would have created it.
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { defineAbilityFor } from '../access/ability.server'
import { createSession } from '../auth/session.server'
import { getTenantDb } from '../db/tenant-db.server'
import { closeAccount } from './close-account.server'
import { collectPersonData } from './collect-person-data.server'
import { contactPreferencesSchema } from './contact-preferences-schema'
import { renderPersonDataPdf } from './render-person-data-pdf.server'
import { updateContactPreferences } from './update-contact-preferences.server'

const town = await createTown('citizen-data')
const db = getTenantDb(town.tenant)
const sessionOptions = { db, tenant: { ...town.tenant, name: '', status: 'active' as const, primaryHost: '' }, secure: false }

async function newCitizen(overrides: { email?: string | null } = {}) {
	const person = await db.person.create({
		data: {
			personIdentifier: `CZ/CZ/${crypto.randomUUID()}`,
			givenName: 'Jana',
			familyName: 'Nováková',
			dateOfBirth: new Date('1985-03-14T00:00:00Z'),
			email: 'email' in overrides ? overrides.email : 'jana.novakova@example.cz',
			phone: '+420601111111',
			address: { Thoroughfare: 'Zámecká', LocatorDesignator: '1234/5', PostCode: '69801', PostName: 'Veselí nad Moravou' },
			addressIds: { obecKod: '586846' },
			municipalityCode: '586846',
			isResident: true,
			levelOfAssurance: 'substantial',
		},
	})
	return { person, ability: defineAbilityFor({ kind: 'citizen', personId: person.id }) }
}

const form = (fields: Record<string, string>) => {
	const data = new FormData()
	for (const [name, value] of Object.entries(fields)) data.set(name, value)
	return data
}

describe('contact preferences', () => {
	test('are saved, and the change is audited by field name only', async () => {
		const { person, ability } = await newCitizen()
		const submission = parseWithZod(form({ notificationEmail: 'Jana@Domov.example', preferredLocale: 'en' }), {
			schema: contactPreferencesSchema({ hasNiaEmail: true }),
		})
		if (submission.status !== 'success') throw new Error('expected a valid submission')
		const { changed } = await updateContactPreferences({ db, ability, personId: person.id, preferences: submission.value })
		expect(changed.sort()).toEqual(['notificationEmail', 'notifyByEmail', 'preferredLocale'])
		expect(await db.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
			notificationEmail: 'jana@domov.example',
			notifyByEmail: false,
			preferredLocale: 'en',
		})
		const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: person.id, action: 'profile.update' } })
		expect(audit.details).toEqual({ fields: changed })
	})

	test.each([
		[{ notificationEmail: 'not-an-address', preferredLocale: 'cs' }, true, { notificationEmail: ['errors.email'] }],
		[{ preferredLocale: 'de' }, true, { preferredLocale: ['errors.locale'] }],
		[{ notifyByEmail: 'on', preferredLocale: 'cs' }, false, { notificationEmail: ['errors.emailNeeded'] }],
	])('bad input %j is refused with a field error (NIA e-mail: %s)', (fields, hasNiaEmail, errors) => {
		const submission = parseWithZod(form(fields), { schema: contactPreferencesSchema({ hasNiaEmail }) })
		expect(submission.status).toBe('error')
		expect(submission.reply().error).toEqual(errors)
	})
})

describe('the GDPR export', () => {
	test('holds the profile, sessions without their ids and the person’s own audit entries, and is audited', async () => {
		const { person, ability } = await newCitizen()
		const other = await newCitizen()
		await createSession(sessionOptions, new Request('http://x/', { headers: { 'user-agent': 'Firefox' } }), { kind: 'citizen', personId: person.id })
		await db.auditLog.create({ data: { action: 'auth.login', actorId: person.id } })
		await db.auditLog.create({ data: { action: 'auth.login', actorId: other.person.id } })
		const data = await collectPersonData({ db, ability, personId: person.id, format: 'json' })
		expect(data.person).toMatchObject({
			personIdentifier: person.personIdentifier,
			givenName: 'Jana',
			dateOfBirth: '1985-03-14',
			isResident: true,
			email: 'jana.novakova@example.cz',
		})
		expect(data.sessions).toHaveLength(1)
		expect(data.sessions[0]).toMatchObject({ userAgent: 'Firefox' })
		expect(JSON.stringify(data.sessions)).not.toMatch(/idHash|id_hash/)
		expect(data.auditLog.map((entry) => entry.action)).toEqual(['auth.login'])
		expect(data.retention.accountingRecordsYears).toBe(10)
		expect(await db.auditLog.count({ where: { actorId: person.id, action: 'profile.export' } })).toBe(1)
	})

	test('as a PDF: a real PDF with DejaVu Sans embedded (Czech and Ukrainian letters), in the chosen language', async () => {
		const { person, ability } = await newCitizen()
		const data = await collectPersonData({ db, ability, personId: person.id, format: 'pdf' })
		for (const locale of ['cs', 'uk'] as const) {
			const pdf = await renderPersonDataPdf({ data, locale, townName: 'Město Veselí nad Moravou' })
			expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
			expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/)
			expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/)
		}
	})
})

describe('closing the account', () => {
	test('removes contacts, preferences, birth date, address, NIA identifier and sessions; keeps the row and the audit trail', async () => {
		const { person, ability } = await newCitizen()
		await db.person.update({ where: { id: person.id }, data: { notificationEmail: 'jana@domov.example', preferredLocale: 'en' } })
		await createSession(sessionOptions, new Request('http://x/'), { kind: 'citizen', personId: person.id })
		await createSession(sessionOptions, new Request('http://y/'), { kind: 'citizen', personId: person.id })
		await db.auditLog.create({ data: { action: 'auth.login', actorId: person.id } })

		await closeAccount({ db, ability, personId: person.id })

		const closed = await db.person.findUniqueOrThrow({ where: { id: person.id } })
		expect(closed).toMatchObject({
			personIdentifier: null,
			givenName: '—',
			familyName: 'zrušený účet',
			email: null,
			phone: null,
			dateOfBirth: null,
			address: null,
			addressIds: null,
			municipalityCode: null,
			isResident: false,
			notificationEmail: null,
			preferredLocale: null,
			levelOfAssurance: null,
		})
		expect(closed.closedAt).toBeInstanceOf(Date)
		expect(await db.session.count({ where: { personId: person.id } })).toBe(0)
		expect(await db.auditLog.count({ where: { actorId: person.id, action: 'auth.login' } })).toBe(1)
		expect(await db.auditLog.findFirstOrThrow({ where: { actorId: person.id, action: 'account.close' } })).toMatchObject({
			details: { sessionsEnded: 2, accountingRetentionYears: 10 },
		})
	})

	test("another citizen's account cannot be closed", async () => {
		const { ability } = await newCitizen()
		const victim = await newCitizen()
		await expect(closeAccount({ db, ability, personId: victim.person.id })).rejects.toThrow()
		expect((await db.person.findUniqueOrThrow({ where: { id: victim.person.id } })).closedAt).toBeNull()
	})
})
