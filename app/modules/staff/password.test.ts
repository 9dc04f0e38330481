import { describe, expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password.server'
import { newPasswordFormSchema, passwordProblem } from './password-rules'

describe('staff passwords', () => {
	test('are hashed with argon2id (salted: the same password twice gives two hashes) and verify only with the right password', async () => {
		const first = await hashPassword('dlouhé heslo na úřad')
		const second = await hashPassword('dlouhé heslo na úřad')
		expect(first).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/)
		expect(second).not.toBe(first)
		expect(await verifyPassword(first, 'dlouhé heslo na úřad')).toBe(true)
		expect(await verifyPassword(first, 'dlouhé heslo na úřaD')).toBe(false)
	})

	test('a stored value that is not an argon2 hash never verifies (and does not throw)', async () => {
		expect(await verifyPassword('plain-text-password', 'plain-text-password')).toBe(false)
		expect(await verifyPassword('', '')).toBe(false)
	})

	test('rules: at least 12 characters, at most 200, and not the e-mail (or its local part)', () => {
		const email = 'jana.novakova@veseli.example'
		expect(passwordProblem('kratke-heslo', email)).toBeNull()
		expect(passwordProblem('kratkeheslo', email)).toBe('too_short')
		expect(passwordProblem('x'.repeat(201), email)).toBe('too_long')
		expect(passwordProblem('Jana.Novakova@veseli.example', email)).toBe('is_email')
		expect(passwordProblem('jana.novakova', 'jana.novakova@veseli.example')).toBe('is_email')
	})

	test('the new-password form (same schema in the browser) names the field to fix', () => {
		const schema = newPasswordFormSchema('jana.novakova@veseli.example')
		const short = schema.safeParse({ password: 'short', confirm: 'short' })
		expect(short.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['password', 'validation.passwordTooShort']])
		const differ = schema.safeParse({ password: 'dlouhe-heslo-1', confirm: 'dlouhe-heslo-2' })
		expect(differ.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['confirm', 'validation.passwordsDiffer']])
		expect(schema.safeParse({ password: 'dlouhe-heslo-1', confirm: 'dlouhe-heslo-1' }).success).toBe(true)
	})
})
