// Issue 15: one conversation model. Notifications exactly once per event, preferences honoured,
// full-text search with and without diacritics, agenda isolation, internal notes kept from the
// citizen, and the submission's needs-info questions and answers landing in its thread.
import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember } from '../../../tests/staff'
import { defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { answerNeedsInfo } from '../forms/answer-needs-info.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { changeSubmissionStatus } from '../inbox/change-submission-status.server'
import { NOTIFICATION_KINDS } from '../notifications/notification-kinds'
import { notify } from '../notifications/notify.server'
import { savePreferences, wantsNotification } from '../notifications/preferences.server'
import { getThread } from './get-thread.server'
import { listMyThreads } from './list-my-threads.server'
import { listOfficeThreads, OfficeThreadFilterSchema } from './list-office-threads.server'
import { canTransitionThread } from './message-states'
import { postMessage } from './post-message.server'
import { toPrefixQuery } from './search-threads.server'
import { startThread } from './start-thread.server'
import { setThreadOpen } from './work-thread.server'

const town = await createTown('msgtown', {
	submissionAgendas: [
		{ code: 'odpady', name: { cs: 'Odpady' } },
		{ code: 'doprava', name: { cs: 'Doprava' } },
	],
})
const db = getTenantDb(town.tenant)
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
const petr = await db.person.create({ data: { givenName: 'Petr', familyName: 'Svoboda' } })
const citizen = (personId: string) => defineAbilityFor({ kind: 'citizen', personId })
await createStaffMember(town, { email: 'odpady@msg.test', name: 'Olga Odpadová' })
await createStaffMember(town, { email: 'doprava@msg.test', name: 'Dan Dopravní' })
const wasteClerk = await db.staffUser.update({ where: { email: 'odpady@msg.test' }, data: { submissionAgendas: ['odpady'] } })
const roadsClerk = await db.staffUser.update({ where: { email: 'doprava@msg.test' }, data: { submissionAgendas: ['doprava'] } })
const clerk = (staff: { id: string; submissionAgendas: string[] }) =>
	defineAbilityFor({ kind: 'staff', staffUserId: staff.id, roles: ['clerk'], agendas: ['submissions'], submissionAgendas: staff.submissionAgendas })
const staffAuthor = (staff: { id: string; name: string }, isInternal = false) => ({ kind: 'staff' as const, staffId: staff.id, name: staff.name, isInternal })
const filter = (query: string) => OfficeThreadFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)))
const office = async (staff: typeof wasteClerk, query = 'stav=all') =>
	(await listOfficeThreads({ db, ability: clerk(staff), townSlug: 'msgtown', filter: filter(query) })).rows.map((row) => row.subject)

const waste = await startThread({
	db,
	ability: citizen(jana.id),
	personId: jana.id,
	authorName: 'Jana Nováková',
	topic: 'odpady',
	subject: 'Svoz odpadů v Horní ulici',
	body: 'Popelnice nebyla vyvezena.',
	files: [],
})
await startThread({
	db,
	ability: citizen(petr.id),
	personId: petr.id,
	authorName: 'Petr Svoboda',
	topic: 'doprava',
	subject: 'Díra v silnici',
	body: 'Na Masarykově ulici je výmol, kontejner stojí na chodníku.',
	files: [],
})

describe('agenda isolation', () => {
	test("a clerk lists and opens only their topics' threads; another topic's thread answers like a missing one", async () => {
		expect(await office(wasteClerk)).toEqual(['Svoz odpadů v Horní ulici'])
		expect(await office(roadsClerk)).toEqual(['Díra v silnici'])
		expect(await getThread({ db, ability: clerk(roadsClerk), id: waste.id, forCitizen: false })).toBeNull()
		expect(await getThread({ db, ability: citizen(petr.id), id: waste.id, forCitizen: true })).toBeNull()
		expect((await listMyThreads({ db, ability: citizen(jana.id), page: 1 })).rows.map((row) => row.id)).toEqual([waste.id])
	})
})

describe('full-text search', () => {
	const admin = defineAbilityFor({ kind: 'staff', staffUserId: wasteClerk.id, roles: ['admin'], agendas: [] })
	const search = async (q: string) =>
		(await listOfficeThreads({ db, ability: admin, townSlug: 'msgtown', filter: filter(`stav=all&q=${encodeURIComponent(q)}`) })).rows
			.map((row) => row.subject)
			.sort()

	test('"odpad" finds "odpadů", with or without diacritics and in any case', async () => {
		for (const q of ['odpad', 'odpadu', 'ODPADŮ', 'odpadů']) expect(await search(q), q).toEqual(['Svoz odpadů v Horní ulici'])
	})

	test('message text is searched too, all words must match, and operators in the query are plain text', async () => {
		expect(await search('masarykove')).toEqual(['Díra v silnici'])
		expect(await search('vyvezena popelnice')).toEqual(['Svoz odpadů v Horní ulici'])
		expect(await search('popelnice výmol')).toEqual([])
		expect(await search("')|(:*!")).toEqual(['Díra v silnici', 'Svoz odpadů v Horní ulici'])
		expect(toPrefixQuery('Svoz & odpadů!')).toBe('svoz:* & odpadu:*')
	})

	test('a clerk searching finds nothing outside their topics', async () => {
		expect(await office(roadsClerk, 'stav=all&q=odpad')).toEqual([])
	})
})

describe('replies, notes and notifications', () => {
	test("the clerk's reply reaches the citizen with the clerk's name; an internal note never does", async () => {
		await postMessage(db, { threadId: waste.id, author: staffAuthor(wasteClerk, true), body: 'Ověřit u svozové firmy.' })
		await postMessage(db, { threadId: waste.id, author: staffAuthor(wasteClerk), body: 'Svoz proběhne zítra.' })
		const seen = await getThread({ db, ability: citizen(jana.id), id: waste.id, forCitizen: true })
		expect(seen?.messages.map((m) => [m.author, m.authorName, m.body])).toEqual([
			['citizen', 'Jana Nováková', 'Popelnice nebyla vyvezena.'],
			['staff', 'Olga Odpadová', 'Svoz proběhne zítra.'],
		])
		expect(seen?.state).toBe('waiting_for_citizen')
		const officeView = await getThread({ db, ability: clerk(wasteClerk), id: waste.id, forCitizen: false })
		expect(officeView?.messages.filter((m) => m.isInternal).map((m) => m.body)).toEqual(['Ověřit u svozové firmy.'])
		const notifications = await db.notification.findMany({ where: { personId: jana.id }, select: { kind: true, link: true } })
		expect(notifications).toEqual([{ kind: 'message_reply', link: `/zpravy/${waste.id}` }])
	})

	test('a notification is created exactly once per event, however often the event is replayed', async () => {
		const event = { personId: petr.id, kind: 'payment_receipt' as const, eventKey: 'payment:42', link: '/platby', params: { label: '500 Kč' } }
		const results = await Promise.all([notify(db, event), notify(db, event), notify(db, event)])
		expect(results.filter(Boolean)).toHaveLength(1)
		expect(await notify(db, event)).toBe(false)
		expect(await db.notification.count({ where: { personId: petr.id, eventKey: 'payment:42' } })).toBe(1)
	})

	test('a kind switched off in the portal creates no notification; the other channels keep their own choice', async () => {
		expect(await wantsNotification(db, petr.id, 'reminder', 'portal')).toBe(true)
		expect(await wantsNotification(db, petr.id, 'reminder', 'sms')).toBe(false)
		// The form posts every box that is ticked: here all but reminders in the portal, plus reminders by SMS.
		await savePreferences(
			db,
			petr.id,
			new Set([...NOTIFICATION_KINDS.flatMap((kind) => [`${kind}.portal`, `${kind}.email`]).filter((key) => key !== 'reminder.portal'), 'reminder.sms']),
		)
		expect(await notify(db, { personId: petr.id, kind: 'reminder', eventKey: 'reminder:1', link: '/platby' })).toBe(false)
		expect(await db.notification.count({ where: { personId: petr.id, kind: 'reminder' } })).toBe(0)
		expect(await wantsNotification(db, petr.id, 'reminder', 'sms')).toBe(true)
		expect(await wantsNotification(db, petr.id, 'message_reply', 'portal')).toBe(true)
	})
})

describe('the thread state machine', () => {
	test('close, refuse a second close, reopen; the citizen writing again reopens too; every change is logged', async () => {
		expect(canTransitionThread('closed', 'closed')).toBe(false)
		await setThreadOpen({ db, threadId: waste.id, open: false, staffId: wasteClerk.id })
		await expect(setThreadOpen({ db, threadId: waste.id, open: false, staffId: wasteClerk.id })).rejects.toThrow(/cannot be closed/)
		await setThreadOpen({ db, threadId: waste.id, open: true, staffId: wasteClerk.id })
		await setThreadOpen({ db, threadId: waste.id, open: false, staffId: wasteClerk.id })
		await postMessage(db, { threadId: waste.id, author: { kind: 'citizen', name: 'Jana Nováková' }, body: 'Stále nevyvezeno.' })
		const transitions = await db.threadTransition.findMany({
			where: { threadId: waste.id },
			orderBy: { id: 'asc' },
			select: { fromState: true, toState: true },
		})
		expect(transitions.map((t) => `${t.fromState ?? '-'}>${t.toState}`)).toEqual([
			'->new',
			'new>waiting_for_citizen',
			'waiting_for_citizen>closed',
			'closed>waiting_for_office',
			'waiting_for_office>closed',
			'closed>waiting_for_office',
		])
		const thread = await db.messageThread.findUniqueOrThrow({ where: { id: waste.id }, select: { waitingSince: true } })
		expect(thread.waitingSince).not.toBeNull()
	})

	test('the database refuses an unknown state and an internal note by a citizen', async () => {
		await expect(sql(`UPDATE tenant_msgtown.message_thread SET state = 'lost' WHERE id = $1`, [waste.id])).rejects.toThrow(/message_thread_state/)
		await expect(
			sql(`INSERT INTO tenant_msgtown.thread_message (thread_id, author, body, is_internal) VALUES ($1, 'citizen', 'x', true)`, [waste.id]),
		).rejects.toThrow(/thread_message_internal_by_staff/)
	})
})

describe("a submission's questions and answers are its thread", () => {
	test("the office's needs-info question and the citizen's answer appear in the thread, the answer still goes to the records outbox", async () => {
		await applyForms({ db, forms: [FormDefinitionSchema.parse({ ...sampleDefinition(), agenda: 'odpady' })], actor: 'test' })
		const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
		const submission = await submitSubmission({
			db,
			tenant: town.tenant,
			formVersionId: version.id,
			agenda: 'odpady',
			personId: jana.id,
			data: { note: 'x' },
			locale: 'cs',
		})
		await changeSubmissionStatus({
			db,
			townSlug: 'msgtown',
			townOrigin: 'http://msgtown.test',
			submissionId: submission.id,
			to: 'needs_info',
			message: 'Doložte prosím fotografii.',
			staff: { id: wasteClerk.id, name: wasteClerk.name },
		})
		await answerNeedsInfo({ db, ability: citizen(jana.id), submissionId: submission.id, personId: jana.id, message: 'Fotografii přikládám.', files: [] })
		const thread = await db.messageThread.findUniqueOrThrow({
			where: { submissionId: submission.id },
			select: { id: true, topic: true, subject: true, state: true },
		})
		expect(thread).toMatchObject({ topic: 'odpady', subject: submission.number, state: 'waiting_for_office' })
		const seen = await getThread({ db, ability: citizen(jana.id), id: thread.id, forCitizen: true })
		expect(seen?.messages.map((m) => [m.author, m.body])).toEqual([
			['staff', 'Doložte prosím fotografii.'],
			['citizen', 'Fotografii přikládám.'],
		])
		expect(await db.answerOutbox.count({ where: { submissionId: submission.id } })).toBe(1)
		expect((await listMyThreads({ db, ability: citizen(jana.id), page: 1 })).rows.map((row) => row.subject)).toContain(submission.number)
		// The status change notified Jana once in the portal.
		expect(await db.notification.count({ where: { personId: jana.id, kind: 'submission_status' } })).toBe(1)
		expect(await office(roadsClerk)).not.toContain(submission.number)
	})
})
