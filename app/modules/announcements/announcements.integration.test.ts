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
import { sendAnnouncementJobHandler } from '../../jobs/send-announcement.server'
import { transitionAnnouncement } from './announcement-states'
import { sendAnnouncementJob } from './announcements-jobs'
import { createAnnouncement, resumeAnnouncement } from './create-announcement.server'
import { listCurrentAnnouncements } from './list-announcements.server'
import { sendAnnouncementPage } from './send-announcement-page.server'
import { lookUpUnsubscribe, readSubscribedTopics, saveSubscribedTopics, unsubscribeByToken } from './subscriptions.server'

const town = await createTown('annctown', {
	submissionAgendas: [
		{ code: 'odpady', name: { cs: 'Odpady' } },
		{ code: 'doprava', name: { cs: 'Doprava' } },
	],
})
const db = getTenantDb(town.tenant)
const TOPICS = ['odpady', 'doprava']
const address = { slug: 'annctown', origin: 'https://annctown.test' }
await createStaffMember(town, { email: 'roads@annc.test', name: 'Dan Dopravní' })
const roadsClerk = await db.staffUser.update({ where: { email: 'roads@annc.test' }, data: { submissionAgendas: ['doprava'] } })
const ability = defineAbilityFor({ kind: 'staff', staffUserId: roadsClerk.id, roles: ['clerk'], agendas: ['submissions'], submissionAgendas: ['doprava'] })
const mails = (to: string) =>
	sql<{ data: { unsubscribe?: string; data: { subject: string; paragraphs: string[] } } }>(
		`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`,
		[to],
	)

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
		await savePreferences(
			db,
			portalOnly.id,
			new Set(NOTIFICATION_KINDS.flatMap((kind) => [`${kind}.portal`, ...(kind === 'announcement' ? [] : [`${kind}.email`])])),
		)
		// The job would send it at once; here the test works the pages itself, so the job finds it sent.
		const input = AnnouncementInputSchema.parse({
			topic: 'doprava',
			title: 'Uzavírka ulice Masarykova',
			body: 'Od pondělí do pátku.',
			validFrom: '',
			validTo: '',
		})
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
		expect(done.finishedAt).toBeInstanceOf(Date)
		const log = await db.announcementTransition.findMany({
			where: { announcementId: announcement.id },
			orderBy: { id: 'asc' },
			select: { fromState: true, toState: true, actor: true },
		})
		expect(log).toEqual([
			{ fromState: null, toState: 'queued', actor: 'office' },
			{ fromState: 'queued', toState: 'sending', actor: 'job' },
			{ fromState: 'sending', toState: 'sent', actor: 'job' },
		])
		// One delivery row per recipient says what each got.
		const deliveries = await db.announcementDelivery.findMany({
			where: { announcementId: announcement.id },
			select: { personId: true, inPortal: true, emailJobId: true, outcome: true },
		})
		expect(deliveries).toHaveLength(3)
		expect(deliveries.find((row) => row.personId === portalOnly.id)).toMatchObject({ inPortal: true, emailJobId: null, outcome: 'sent' })
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
		const { token } = await db.announcementSubscription.findUniqueOrThrow({
			where: { personId_topic: { personId: person.id, topic: 'doprava' } },
			select: { token: true },
		})
		expect(await lookUpUnsubscribe(db, token)).toEqual({ state: 'open', topic: 'doprava' })
		expect(await unsubscribeByToken(db, 'A'.repeat(32))).toBe(false)
		expect(await unsubscribeByToken(db, token)).toBe(true)
		expect(await unsubscribeByToken(db, token)).toBe(false)
		expect(await readSubscribedTopics(db, person.id)).toEqual(['odpady'])
		expect(await lookUpUnsubscribe(db, token)).toEqual({ state: 'unknown' })
	})

	test('a retried page e-mails nobody twice: a page that failed left no mail behind, one that committed is skipped', async () => {
		const people = await Promise.all(['gita', 'hana', 'ivan'].map((name) => resident(name, ['odpady'])))
		const admin = defineAbilityFor({ kind: 'staff', staffUserId: roadsClerk.id, roles: ['admin'], agendas: ['submissions'], submissionAgendas: [] })
		const input = AnnouncementInputSchema.parse({ topic: 'odpady', title: 'Svoz odpadu posunut', body: 'Ve středu místo úterý.' })
		const announcement = await createAnnouncement({ db, ability: admin, tenantSlug: 'annctown', staffId: roadsClerk.id, input, topics: TOPICS })
		// The page breaks at its very end (after its mails were queued in its transaction): nothing of it stays.
		await sql(`CREATE FUNCTION ${town.schema}.break_page() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'page broke'; END $$`)
		await sql(
			`CREATE TRIGGER break_page BEFORE INSERT ON ${town.schema}.announcement_transition FOR EACH ROW WHEN (NEW.to_state = 'sent') EXECUTE FUNCTION ${town.schema}.break_page()`,
		)
		await expect(sendAnnouncementPage({ db, town: address, announcementId: announcement.id })).rejects.toThrow(/page broke/)
		for (const person of people) expect(await mails(person.email!)).toEqual([])
		expect(await db.announcementDelivery.count({ where: { announcementId: announcement.id } })).toBe(0)
		expect(await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).toMatchObject({
			state: 'queued',
			processed: 0,
			emailed: 0,
			cursor: null,
		})
		await sql(`DROP TRIGGER break_page ON ${town.schema}.announcement_transition`)
		await sendAnnouncementPage({ db, town: address, announcementId: announcement.id })
		// A retry that does not see the moved cursor (rewound here by hand) still skips the people already claimed.
		await sql(`UPDATE ${town.schema}.announcement SET cursor = NULL, state = 'sending', finished_at = NULL WHERE id = $1`, [announcement.id])
		const again = await sendAnnouncementPage({ db, town: address, announcementId: announcement.id })
		expect(again).toMatchObject({ processed: 0, emailed: 0, inPortal: 0 })
		for (const person of people) expect(await mails(person.email!)).toHaveLength(1)
		expect(await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).toMatchObject({
			state: 'sent',
			emailed: announcement.recipients,
			inPortal: announcement.recipients,
		})
	})

	test('the last failed attempt marks the announcement failed; the office resumes it and only the rest are sent', async () => {
		const people = await Promise.all(['jana', 'karel'].map((name) => resident(name, ['doprava'])))
		const input = AnnouncementInputSchema.parse({ topic: 'doprava', title: 'Krizová situace', body: 'Voda z vodovodu není pitná.' })
		const announcement = await createAnnouncement({ db, ability, tenantSlug: 'annctown', staffId: roadsClerk.id, input, topics: TOPICS })
		await sql(
			`CREATE TRIGGER break_page BEFORE INSERT ON ${town.schema}.announcement_transition FOR EACH ROW WHEN (NEW.to_state = 'sent') EXECUTE FUNCTION ${town.schema}.break_page()`,
		)
		const tenant = { ...town.tenant, primaryHost: 'annctown.test' } as never
		const context = (attempt: number) => ({ tenant, attempt, jobId: 'test', log: pino({ level: 'silent' }) })
		// An earlier attempt fails and is left to the queue's retry: still going out.
		await expect(sendAnnouncementJobHandler.handle({ tenantSlug: 'annctown', announcementId: announcement.id }, context(1))).rejects.toThrow(/page broke/)
		expect((await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })).state).toBe('queued')
		await expect(
			sendAnnouncementJobHandler.handle({ tenantSlug: 'annctown', announcementId: announcement.id }, context(sendAnnouncementJob.retry.limit + 1)),
		).rejects.toThrow(/page broke/)
		const failed = await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })
		expect(failed.state).toBe('failed')
		expect(failed.failure).toMatch(/page broke/)
		expect(failed.finishedAt).toBeInstanceOf(Date)
		// A failed announcement is not sent by a stray job; a sent one cannot be failed or resumed.
		expect(await sendAnnouncementPage({ db, town: address, announcementId: announcement.id })).toMatchObject({ done: true, processed: 0 })
		await sql(`DROP TRIGGER break_page ON ${town.schema}.announcement_transition`)
		// Another clerk's topic: refused, nothing changes.
		const wasteClerk = defineAbilityFor({
			kind: 'staff',
			staffUserId: roadsClerk.id,
			roles: ['clerk'],
			agendas: ['submissions'],
			submissionAgendas: ['odpady'],
		})
		expect(await resumeAnnouncement({ db, ability: wasteClerk, tenantSlug: 'annctown', staffId: roadsClerk.id, announcementId: announcement.id })).toBe(false)
		expect(await resumeAnnouncement({ db, ability, tenantSlug: 'annctown', staffId: roadsClerk.id, announcementId: announcement.id })).toBe(true)
		expect(await resumeAnnouncement({ db, ability, tenantSlug: 'annctown', staffId: roadsClerk.id, announcementId: announcement.id })).toBe(false)
		const jobs = await sql(`SELECT id FROM pgboss.job WHERE name = 'send-announcement' AND data->>'announcementId' = $1`, [announcement.id])
		expect(jobs.length).toBe(2) // the first one at creation, one for the resume
		await sendAnnouncementPage({ db, town: address, announcementId: announcement.id })
		for (const person of people) expect(await mails(person.email!)).toHaveLength(1)
		const sent = await db.announcement.findUniqueOrThrow({ where: { id: announcement.id } })
		// Everyone subscribed to roads by e-mail, except cyril, who chose the portal only.
		expect(sent).toMatchObject({ state: 'sent', failure: null, emailed: announcement.recipients - 1, inPortal: announcement.recipients })
		const refused = await db.$transaction((tx) =>
			transitionAnnouncement(tx, { announcementId: announcement.id, to: 'failed', actor: 'system', failure: 'late' }),
		)
		expect(refused).toEqual({ ok: false, from: 'sent', reason: 'invalid_transition' })
		await expect(sql(`UPDATE ${town.schema}.announcement SET state = 'lost', finished_at = NULL WHERE id = $1`, [announcement.id])).rejects.toThrow(
			/announcement_state/,
		)
		await expect(sql(`UPDATE ${town.schema}.announcement SET state = 'failed' WHERE id = $1`, [announcement.id])).rejects.toThrow(/announcement_failure/)
	})

	test("the town's home page lists the announcements valid today, newest first", async () => {
		const make = (title: string, validFrom = '', validTo = '') =>
			createAnnouncement({
				db,
				ability,
				tenantSlug: 'annctown',
				staffId: roadsClerk.id,
				input: AnnouncementInputSchema.parse({ topic: 'doprava', title, body: 'Text.', validFrom, validTo }),
				topics: TOPICS,
			})
		await make('Skončila včera', '2026-11-01', '2026-12-09')
		await make('Začne zítra', '2026-12-11')
		await make('Platí dnes', '2026-12-10', '2026-12-10')
		const titles = (await listCurrentAnnouncements(db, new Date('2026-12-10T00:00:00Z'), 50)).map((row) => row.title)
		expect(titles[0]).toBe('Platí dnes')
		expect(titles).not.toContain('Skončila včera')
		expect(titles).not.toContain('Začne zítra')
	})
})
