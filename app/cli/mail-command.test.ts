// `portal mail test` as an operator runs it (a child process that only enqueues), with this test
// process as the worker that sends to a capture server.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type MailCapture } from '../../simulators/smtp/mail-capture'
import { portal } from '../../tests/cli'
import { createTown, migrate } from '../../tests/db'
import { queuedEmails, startMailAndJobs, stopMailAndJobs } from '../../tests/mail'

let capture: MailCapture

beforeAll(async () => {
	await migrate()
	await createTown('cli-mail-town', { name: { cs: 'Obec Testovací', en: 'Test Village' } })
	capture = await startMailAndJobs()
})

afterAll(async () => {
	await stopMailAndJobs(capture)
})

describe('portal mail test', { timeout: 60_000 }, () => {
	test('queues a notification from the town that the worker sends, in the chosen language, with the link on its button', async () => {
		const run = await portal([
			'mail',
			'test',
			'--tenant',
			'cli-mail-town',
			'--to',
			'operator@example.test',
			'--locale',
			'en',
			'--link',
			'https://cli-mail-town.test/',
		])
		expect(run.stderr).toBe('')
		expect(run.code).toBe(0)
		expect(run.stdout).toMatch(/^Queued test e-mail [0-9a-f-]{36} from cli-mail-town to operator@example.test \(en\)/)

		const mail = await capture.waitFor((message) => message.to.includes('operator@example.test'))
		expect(mail.from?.name).toBe('Test Village')
		expect(mail.subject).toBe('Test message – Test Village')
		expect(mail.template).toBe('notification')
		expect(mail.links).toEqual([{ href: 'https://cli-mail-town.test/', text: 'Open the portal' }])
		expect(mail.text).toContain('If you are reading it, the mail (SMTP) settings work.')
	})

	test("without --locale it uses the town's default language; an unknown town or a bad address exits 1 and queues nothing", async () => {
		const [czech, unknown, badAddress] = await Promise.all([
			portal(['mail', 'test', '--tenant', 'cli-mail-town', '--to', 'default@example.test']),
			portal(['mail', 'test', '--tenant', 'nowhere', '--to', 'x@example.test']),
			portal(['mail', 'test', '--tenant', 'cli-mail-town', '--to', 'not-an-address']),
		])
		expect(czech.code).toBe(0)
		expect((await capture.waitFor((message) => message.to.includes('default@example.test'))).subject).toBe('Zkušební zpráva – Obec Testovací')

		expect(unknown.code).toBe(1)
		expect(unknown.stderr).toContain('No town with slug nowhere')
		expect(badAddress.code).toBe(1)
		expect(badAddress.stderr).toContain('to: must be an e-mail address')
		// The CLI exits after its enqueue returns: a refused address left no job behind.
		expect((await queuedEmails()).map((email) => email.to)).not.toContain('not-an-address')
		expect((await queuedEmails()).map((email) => email.to)).not.toContain('x@example.test')
	})
})
