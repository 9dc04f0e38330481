// Issue 15, announcements: reach the citizens who chose the topic (portal and e-mail, by their
// channel choice) and not the others; pages through recipients with progress; one-click unsubscribe.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember } from '../../../tests/staff'
import { defineAbilityFor } from '../access/ability.server'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { NOTIFICATION_KINDS } from '../notifications/notification-kinds'
import { savePreferences } from '../notifications/preferences.server'
import { AnnouncementInputSchema } from './announcement-input'
import { createAnnouncement } from './create-announcement.server'
import { sendAnnouncementPage } from './send-announcement-page.server'
import { lookUpUnsubscribe, readSubscribedTopics, saveSubscribedTopics, unsubscribeByToken } from './subscriptions.server'

const town = await createTown('annctown', { submissionAgendas: [{ code: 'odpady', name: { cs: 'Odpady' } }, { code: 'doprava', name: { cs: 'Doprava' } }] })
const db = getTenantDb(town.tenant)
const TOPICS = ['odpady', 'doprava']
const address = { slug: 'annctown', origin: 'https://annctown.test' }
await createStaffMember(town, { email: 'roads@annc.test', name: 'Dan Dopravní' })
const roadsClerk = await db.staffUser.update({ where: { email: 'roads@annc.test' }, data: { submissionAgendas: ['doprava'] } })
const ability = defineAbilityFor({ kind: 'staff', staffUserId: roadsClerk.id, roles: ['clerk'], agendas: ['submissions'], submissionAgendas: ['doprava'] })
const mails = (to: string) => sql<{ data: { unsubscribe?: string; data: { subject: string; paragraphs: string[] } } }>(`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`, [to])

async function resident(name: string, topics: string[]) {
	const person = await db.person.create({ data: { givenName: name, familyName: 'Test', email: `${name}@annc.test` } })
	await saveSubscribedTopics(db, person.id, topics, TOPICS)
	return person
}

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(() => stopJobs())

describe('announcements', () => {
	test('reach opted-in citizens by their channels, page by page with progress, and nobody else', async () => {
		const opted = await Promise.all(['ada', 'bob', 'cyril'].map((name) => resident(name, ['doprava'])))
		await resident('dana', ['odpady'])
		await resident('emil', [])
		const portalOnly = opted[2]!
		await savePreferences(db, portalOnly.id, new Set(NOTIFICATION_KINDS.flatMap((kind) => [`${kind}.portal`, ...(kind === 'announcement' ? [] : [`${kind}.email`])])))
		// The job would send it at once; here the test works the pages itself, so the job finds it sent.
		const input = AnnouncementInputSchema.parse({ topic: 'doprava', title: 'Uzavírka ulice Masarykova', body: 'Od pondělí do pátku.', validFrom: '', validTo: '' })
		const announcement = await createAnnouncement({ db, ability, tenantSlug: 'annctown', staffId: roadsClerk.id, input, topics: TOPICS })
		expect(announcement.recipients).toBe(3)
		const first = await sendAnnouncementPage({ db, town: address, announcementId: announcement.id, pageSize: 2 })
		const saved = await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })
		if (!first.done) {
			expect(saved.processed).toBeGreaterThanOrEqual(2)
			await sendAnnouncementPage({ db, town: address, announcementId: announcement.id, pageSize: 2 })
		}
		const done = await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })
		expect(done).toMatchObject({ state: 'sent', processed: 3, inPortal: 3, emailed: 2, failed: 0 })
		// A retried page after the end adds nothing.
		await sendAnnouncementPage({ db, town: address, announcementId: announcement.id })
		expect(await db.notification.count({ where: { kind: 'announcement' } })).toBe(3)
		expect(await mails('ada@annc.test')).toHaveLength(1)
		expect(await mails('cyril@annc.test')).toEqual([])
		expect(await mails('dana@annc.test')).toEqual([])
		expect(await mails('emil@annc.test')).toEqual([])
		const [mail] = await mails('bob@annc.test')
		expect(mail!.data.unsubscribe).toMatch(/^https:\/\/annctown\.test\/odhlasit-odber\/[A-Za-z0-9_-]{32}$/)
		expect(mail!.data.data.paragraphs.at(-1)).toContain(mail!.data.unsubscribe)
	})

	test('a clerk announces only in their topics; bad input is refused before anything is saved', async () => {
		const input = AnnouncementInputSchema.parse({ topic: 'odpady', title: 'Svoz odpadu posunut', body: 'Ve středu.' })
		await expect(createAnnouncement({ db, ability, tenantSlug: 'annctown', staffId: roadsClerk.id, input, topics: TOPICS })).rejects.toThrow(/do not work/)
		expect(AnnouncementInputSchema.safeParse({ topic: 'doprava', title: ' ', body: 'x' }).success).toBe(false)
		expect(AnnouncementInputSchema.safeParse({ topic: 'doprava', title: 'x', body: 'x', validFrom: '2026-12-10', validTo: '2026-12-01' }).success).toBe(false)
		expect(await db.announcement.count({ where: { topic: 'odpady' } })).toBe(0)
	})

	test('one-click unsubscribe removes exactly that subscription, once; an unknown token changes nothing', async () => {
		const person = await resident('filip', ['doprava', 'odpady'])
		const { token } = await db.announcementSubscription.findUniqueOrThrow({ where: { personId_topic: { personId: person.id, topic: 'doprava' } }, select: { token: true } })
		expect(await lookUpUnsubscribe(db, token)).toEqual({ state: 'open', topic: 'doprava' })
		expect(await unsubscribeByToken(db, 'A'.repeat(32))).toBe(false)
		expect(await unsubscribeByToken(db, token)).toBe(true)
		expect(await unsubscribeByToken(db, token)).toBe(false)
		expect(await readSubscribedTopics(db, person.id)).toEqual(['odpady'])
		expect(await lookUpUnsubscribe(db, token)).toEqual({ state: 'unknown' })
	})
})
