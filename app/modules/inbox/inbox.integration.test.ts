// Issue 6, clerk side: a clerk of one agenda neither lists nor opens another agenda's submission,
// attachment views are audited, and a status change writes the timeline and e-mails the citizen.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember } from '../../../tests/staff'
import { defineAbilityFor } from '../access/ability.server'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { assignSubmission } from './assign-submission.server'
import { changeSubmissionStatus } from './change-submission-status.server'
import { getInboxSubmission } from './get-inbox-submission.server'
import { parseInboxFilter } from './inbox-filter-schema'
import { inboxRowsForExport, listInbox } from './list-inbox.server'
import { readAttachment } from './read-attachment.server'

const town = await createTown('inboxtown', {
	submissionAgendas: [
		{ code: 'fees', name: { cs: 'Poplatky' } },
		{ code: 'roads', name: { cs: 'Doprava' } },
	],
})
const db = getTenantDb(town.tenant)
await applyForms({
	db,
	forms: [FormDefinitionSchema.parse(sampleDefinition()), FormDefinitionSchema.parse({ ...sampleDefinition(), code: 'street-light', agenda: 'roads' })],
	actor: 'test',
})
const versions = await db.formVersion.findMany({ select: { id: true, form: { select: { code: true, agenda: true } } } })
const versionOf = (code: string) => versions.find((v) => v.form.code === code)!
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', notificationEmail: 'jana@inbox.test', preferredLocale: 'en' } })
const quiet = await db.person.create({ data: { givenName: 'Tichý', familyName: 'Občan', notificationEmail: 'quiet@inbox.test', notifyByEmail: false } })
const submit = (code: string, personId: string | null) =>
	submitSubmission({
		db,
		tenant: town.tenant,
		formVersionId: versionOf(code).id,
		agenda: versionOf(code).form.agenda,
		personId,
		data: { note: code },
		locale: 'cs',
	})
const dog = await submit('dog-registration', jana.id)
const light = await submit('street-light', quiet.id)
await db.submissionAttachment.create({
	data: { submissionId: light.id, fieldName: 'photo', fileName: 'lampa.png', contentType: 'image/png', size: 3, sha256: 'x', content: Buffer.from([1, 2, 3]) },
})

await createStaffMember(town, { email: 'fees@inbox.test', name: 'Pavla Poplatková' })
await createStaffMember(town, { email: 'roads@inbox.test', name: 'Dan Dopravní' })
const feesClerk = await db.staffUser.update({ where: { email: 'fees@inbox.test' }, data: { submissionAgendas: ['fees'] } })
const roadsClerk = await db.staffUser.update({ where: { email: 'roads@inbox.test' }, data: { submissionAgendas: ['roads'] } })
const abilityOf = (staff: { id: string; submissionAgendas: string[] }) =>
	defineAbilityFor({ kind: 'staff', staffUserId: staff.id, roles: ['clerk'], agendas: ['submissions'], submissionAgendas: staff.submissionAgendas })
const mailJobs = (to: string) =>
	sql<{ data: { data: { subject: string; paragraphs: string[] } } }>(
		`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1 ORDER BY created_on`,
		[to],
	)

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(() => stopJobs())

describe('clerk inbox', () => {
	test('a clerk lists and opens only the submissions of their agenda', async () => {
		const list = await listInbox({ db, ability: abilityOf(feesClerk), filter: parseInboxFilter(new URLSearchParams()), page: 1 })
		expect(list.rows.map((r) => r.number)).toEqual([dog.number])
		expect(await getInboxSubmission({ db, ability: abilityOf(feesClerk), id: light.id })).toBeNull()
		expect((await getInboxSubmission({ db, ability: abilityOf(roadsClerk), id: light.id }))?.number).toBe(light.number)
		const exported = []
		for await (const row of inboxRowsForExport({ db, ability: abilityOf(roadsClerk), filter: parseInboxFilter(new URLSearchParams()) }))
			exported.push(row.number)
		expect(exported).toEqual([light.number])
	})

	test('filters and search narrow the list; malformed filters are ignored', async () => {
		const admin = defineAbilityFor({ kind: 'staff', staffUserId: feesClerk.id, roles: ['admin'], agendas: [] })
		const numbers = async (query: string) =>
			(await listInbox({ db, ability: admin, filter: parseInboxFilter(new URLSearchParams(query)), page: 1 })).rows.map((r) => r.number)
		expect(await numbers('formular=street-light')).toEqual([light.number])
		expect(await numbers('q=nováková')).toEqual([dog.number])
		expect(await numbers(`q=${dog.number}`)).toEqual([dog.number])
		expect(await numbers('stav=resolved')).toEqual([])
		expect((await numbers('stav=bogus&od=nonsense')).sort()).toEqual([dog.number, light.number].sort())
	})

	test('an attachment is read only through the agenda, and every read is audited', async () => {
		const [attachment] = await db.submissionAttachment.findMany({ where: { submissionId: light.id } })
		const read = (staff: typeof feesClerk) =>
			readAttachment({ db, ability: abilityOf(staff), submissionId: light.id, attachmentId: attachment!.id, staffId: staff.id })
		expect(await read(feesClerk)).toBeNull()
		expect(Buffer.from((await read(roadsClerk))!.content)).toEqual(Buffer.from([1, 2, 3]))
		const audits = await db.auditLog.findMany({ where: { action: 'submission.attachment_viewed' } })
		expect(audits.map((a) => [a.staffId, a.subject])).toEqual([[roadsClerk.id, `SubmissionAttachment:${attachment!.id}`]])
	})

	test('assigning to a colleague of the agenda works; to a clerk of another agenda is refused', async () => {
		await expect(assignSubmission({ db, submissionId: dog.id, agenda: 'fees', assigneeId: roadsClerk.id, staff: feesClerk })).rejects.toThrow(/agenda/)
		await assignSubmission({ db, submissionId: dog.id, agenda: 'fees', assigneeId: feesClerk.id, staff: feesClerk })
		expect((await db.submission.findUniqueOrThrow({ where: { id: dog.id } })).assignedStaffId).toBe(feesClerk.id)
	})

	test('needs info: timeline event with the message and an e-mail to the citizen; a closed case cannot reopen', async () => {
		const base = { db, townSlug: 'inboxtown', townOrigin: 'http://inboxtown.test', submissionId: dog.id, staff: feesClerk }
		await expect(changeSubmissionStatus({ ...base, to: 'needs_info', message: '  ' })).rejects.toThrow(/message/)
		await changeSubmissionStatus({ ...base, to: 'needs_info', message: 'Please add the chip number.' })
		const events = await db.submissionEvent.findMany({ where: { submissionId: dog.id, actor: 'staff', status: 'needs_info' } })
		expect(events.map((e) => [e.message, e.actorName])).toEqual([['Please add the chip number.', 'Pavla Poplatková']])
		const mails = await mailJobs('jana@inbox.test')
		expect(mails.at(-1)!.data.data.paragraphs.join(' ')).toContain('Please add the chip number.')
		await changeSubmissionStatus({ ...base, to: 'resolved', message: 'Registered.' })
		await expect(changeSubmissionStatus({ ...base, to: 'in_progress' })).rejects.toThrow(/cannot become/)
		expect((await db.submission.findUniqueOrThrow({ where: { id: dog.id } })).status).toBe('resolved')
	})

	test('a citizen who switched status e-mails off gets none', async () => {
		await changeSubmissionStatus({
			db,
			townSlug: 'inboxtown',
			townOrigin: 'http://inboxtown.test',
			submissionId: light.id,
			staff: roadsClerk,
			to: 'in_progress',
		})
		expect(await db.submissionEvent.count({ where: { submissionId: light.id, status: 'in_progress' } })).toBe(1)
		expect(await mailJobs('quiet@inbox.test')).toEqual([])
	})
})
