// Issue 15: an anonymous submitter's follow-up link shows the status and takes an answer to the
// office's question without login; an unknown, revoked or expired link says so and changes nothing.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { createStaffMember, townContext } from '../../../tests/staff'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { changeSubmissionStatus } from '../inbox/change-submission-status.server'
import { action, loader } from '../../routes/sledovat.$token'
import { createFollowupLink, lookUpFollowupLink, revokeFollowupLinks } from './followup-link.server'

const town = await createTown('followtown', { submissionAgendas: [{ code: 'roads', name: { cs: 'Doprava' } }] })
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse({ ...sampleDefinition(), code: 'street-light', agenda: 'roads' })], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const clerk = await createStaffMember(town, { email: 'roads@follow.test', name: 'Dan Dopravní' })
const submitAnonymously = () =>
	submitSubmission({
		db,
		tenant: town.tenant,
		formVersionId: version.id,
		agenda: 'roads',
		personId: null,
		data: { note: 'lampa' },
		locale: 'cs',
		contactEmail: 'anon@follow.test',
	})
const ask = (submissionId: string) =>
	changeSubmissionStatus({
		db,
		townSlug: 'followtown',
		townOrigin: 'http://followtown.test',
		submissionId,
		to: 'needs_info',
		message: 'U kterého domu lampa nesvítí?',
		staff: { id: clerk.id, name: 'Dan Dopravní' },
	})

const get = (token: string) => loader({ request: new Request(`http://followtown.test/sledovat/${token}`), context: townContext(town), params: { token } })
const answer = (token: string, text: string) => {
	const body = new FormData()
	body.set('body', text)
	return action({ request: new Request(`http://followtown.test/sledovat/${token}`, { method: 'POST', body }), context: townContext(town), params: { token } })
}
async function refusal(promise: Promise<unknown>) {
	try {
		await promise
	} catch (error) {
		const thrown = error as { init?: { status?: number }; data?: { state?: string } }
		return { status: thrown.init?.status, state: thrown.data?.state }
	}
	throw new Error('expected a refusal')
}

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(() => stopJobs())

describe('follow-up link', () => {
	test('the link shows the status and the question; the answer joins the thread and goes to the records outbox', async () => {
		const submission = await submitAnonymously()
		const token = await createFollowupLink(db, submission.id)
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
		expect(await db.followupLink.count({ where: { tokenHash: token } })).toBe(0)
		await ask(submission.id)
		const page = (await get(token)) as unknown as { data: { submission: { status: string; messages: { body: string }[] } } }
		expect(page.data.submission.status).toBe('needs_info')
		expect(page.data.submission.messages.map((m) => m.body)).toEqual(['U kterého domu lampa nesvítí?'])
		const done = (await answer(token, 'U domu č. p. 12.')) as Response
		expect(done.status).toBe(303)
		expect(await db.answerOutbox.count({ where: { submissionId: submission.id } })).toBe(1)
		const thread = await db.messageThread.findUniqueOrThrow({
			where: { submissionId: submission.id },
			select: { state: true, messages: { orderBy: { createdAt: 'asc' }, select: { author: true, body: true } } },
		})
		expect(thread.messages.at(-1)).toEqual({ author: 'citizen', body: 'U domu č. p. 12.' })
		expect(thread.state).toBe('waiting_for_office')
	})

	test('a revoked link gives a clear page and its answer changes nothing', async () => {
		const submission = await submitAnonymously()
		const token = await createFollowupLink(db, submission.id)
		await ask(submission.id)
		await revokeFollowupLinks({ db, submissionId: submission.id, staffId: clerk.id })
		expect(await refusal(get(token))).toEqual({ status: 410, state: 'revoked' })
		expect(await refusal(answer(token, 'Pozdní odpověď'))).toEqual({ status: 410, state: 'revoked' })
		expect(await db.answerOutbox.count({ where: { submissionId: submission.id } })).toBe(0)
		expect(await db.submissionEvent.count({ where: { submissionId: submission.id, kind: 'answered' } })).toBe(0)
	})

	test('a link expires 30 days after the submission is closed; an unknown or malformed token is a 404', async () => {
		const submission = await submitAnonymously()
		const token = await createFollowupLink(db, submission.id)
		const closed = new Date('2026-01-01T10:00:00Z')
		await db.submission.update({ where: { id: submission.id }, data: { status: 'resolved', resolvedAt: closed } })
		expect(await lookUpFollowupLink(db, token, new Date('2026-01-30T10:00:00Z'))).toEqual({ state: 'open', submissionId: submission.id })
		expect(await lookUpFollowupLink(db, token, new Date('2026-02-01T10:00:00Z'))).toEqual({ state: 'expired' })
		expect(await refusal(get(token))).toEqual({ status: 410, state: 'expired' })
		expect(await refusal(answer(token, 'x'))).toEqual({ status: 410, state: 'expired' })
		expect(await refusal(get('A'.repeat(43)))).toEqual({ status: 404, state: 'unknown' })
		expect(await refusal(get('../../etc'))).toEqual({ status: 404, state: 'unknown' })
	})
})
