// The environment for jobs and e-mail: where jobs run, the SMTP server, the sender domain.
import { describe, expect, test } from 'vitest'
import { parseEnv } from '../env/env.server'
import { shouldRunJobsInProcess } from './jobs.server'

const env = (vars: Record<string, string>) => parseEnv(vars as NodeJS.ProcessEnv)
const PROD = { NODE_ENV: 'production', SECRETS_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` }

describe('jobs and e-mail configuration', () => {
	test('jobs run in the web process by default except in production; the demo always runs them; RUN_JOBS_IN_PROCESS decides otherwise', () => {
		expect(shouldRunJobsInProcess(env({}))).toBe(true)
		expect(shouldRunJobsInProcess(env({ NODE_ENV: 'test' }))).toBe(true)
		expect(shouldRunJobsInProcess(env(PROD))).toBe(false)
		expect(shouldRunJobsInProcess(env(PROD), true)).toBe(true)
		expect(shouldRunJobsInProcess(env({ ...PROD, RUN_JOBS_IN_PROCESS: 'true' }))).toBe(true)
		expect(shouldRunJobsInProcess(env({ RUN_JOBS_IN_PROCESS: 'false' }))).toBe(false)
		expect(() => env({ RUN_JOBS_IN_PROCESS: 'yes' })).toThrow(/RUN_JOBS_IN_PROCESS: Invalid option/)
	})

	test('SMTP_URL and MAIL_FROM_DOMAIN are optional and checked; a password in SMTP_URL is never printed', () => {
		expect(env({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM_DOMAIN: 'mail.portal.example' })).toMatchObject({
			SMTP_URL: 'smtp://127.0.0.1:2525',
			MAIL_FROM_DOMAIN: 'mail.portal.example',
		})
		expect(env({ SMTP_URL: 'smtps://user:secret@relay.example:465' }).SMTP_URL).toBe('smtps://user:secret@relay.example:465')
		expect(env({}).SMTP_URL).toBeUndefined()
		let message = ''
		try {
			env({ SMTP_URL: 'http://user:secret@relay.example', MAIL_FROM_DOMAIN: 'Mail.Example' })
		} catch (error) {
			message = (error as Error).message
		}
		expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL such as smtp://relay.example:587 (got "http://user:***@relay.example")')
		expect(message).toContain('MAIL_FROM_DOMAIN: must be a lower-case domain such as mail.portal.example')
		expect(message).not.toContain('secret')
	})
})
