// Issue 15: the citizen hears of the office's answer by e-mail when they chose it, and the e-mail
// carries a link, never the answer or the subject (reply-by-link). Preferences are honoured.
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
import { notifyReplyOutsidePortal } from './notify-reply.server'
import { postMessage } from './post-message.server'
import { startThread } from './start-thread.server'

const town = await createTown('replymail', { submissionAgendas: [{ code: 'odpady', name: { cs: 'Odpady' } }] })
const db = getTenantDb(town.tenant)
const address = { slug: 'replymail', origin: 'https://replymail.test' }
await createStaffMember(town, { email: 'clerk@replymail.test', name: 'Olga Odpadová' })
const clerk = await db.staffUser.update({ where: { email: 'clerk@replymail.test' }, data: { submissionAgendas: ['odpady'] } })
const mails = (to: string) =>
	sql<{ data: { locale: string; data: { subject: string; paragraphs: string[]; action: { link: string } } } }>(
		`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`,
		[to],
	)

async function conversation(email: string, preferredLocale = 'cs') {
	const person = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', email, preferredLocale } })
	const thread = await startThread({
		db,
		ability: defineAbilityFor({ kind: 'citizen', personId: person.id }),
		personId: person.id,
		authorName: 'Jana',
		topic: 'odpady',
		subject: 'Rodné číslo 801231/1234',
		body: 'Soukromé',
		files: [],
	})
	await postMessage(db, { threadId: thread.id, author: { kind: 'staff', staffId: clerk.id, name: clerk.name, isInternal: false }, body: 'Tajná odpověď' })
	return { person, thread }
}

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(() => stopJobs())

describe('reply e-mail', () => {
	test('by default the citizen gets one e-mail in their language, linking to the thread, without subject or answer', async () => {
		const { thread } = await conversation('jana@replymail.test', 'en')
		expect(await notifyReplyOutsidePortal({ db, town: address, threadId: thread.id })).toEqual({ email: true })
		const [mail, ...rest] = await mails('jana@replymail.test')
		expect(rest).toEqual([])
		expect(mail!.data.locale).toBe('en')
		expect(mail!.data.data.action.link).toBe(`https://replymail.test/zpravy/${thread.id}`)
		const text = JSON.stringify(mail!.data.data)
		expect(text).not.toContain('Tajná odpověď')
		expect(text).not.toContain('801231')
	})

	test('no e-mail when the citizen switched reply e-mails off, or all e-mail off', async () => {
		const a = await conversation('off@replymail.test')
		await savePreferences(
			db,
			a.person.id,
			new Set(NOTIFICATION_KINDS.flatMap((kind) => [`${kind}.portal`, ...(kind === 'message_reply' ? [] : [`${kind}.email`])])),
		)
		expect(await notifyReplyOutsidePortal({ db, town: address, threadId: a.thread.id })).toEqual({ email: false })
		const b = await conversation('none@replymail.test')
		await db.person.update({ where: { id: b.person.id }, data: { notifyByEmail: false } })
		expect(await notifyReplyOutsidePortal({ db, town: address, threadId: b.thread.id })).toEqual({ email: false })
		expect(await mails('off@replymail.test')).toEqual([])
		expect(await mails('none@replymail.test')).toEqual([])
	})
})
