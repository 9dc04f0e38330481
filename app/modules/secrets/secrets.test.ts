import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, test } from 'vitest'
import { isAppError } from '../errors/app-error'
import { configureSecrets, decryptSecret, encryptSecret, maskSecret } from './secrets.server'

const key = () => randomBytes(32).toString('base64')

describe('secrets at rest', () => {
	afterEach(() => configureSecrets(undefined))

	test('round-trips and never stores the plain text', () => {
		configureSecrets(`a:${key()}`)
		const stored = encryptSecret('gopay-client-secret-123')
		expect(stored).not.toContain('gopay-client-secret')
		expect(stored.startsWith('enc:v1:a:')).toBe(true)
		expect(decryptSecret(stored)).toBe('gopay-client-secret-123')
		expect(encryptSecret('x')).not.toBe(encryptSecret('x')) // a fresh IV each time
	})

	test('rotation: new values use the active key, old values still decrypt', () => {
		const oldKey = key()
		configureSecrets(`old:${oldKey}`)
		const before = encryptSecret('before rotation')
		configureSecrets(`old:${oldKey},new:${key()}`, 'new')
		expect(encryptSecret('after').startsWith('enc:v1:new:')).toBe(true)
		expect(decryptSecret(before)).toBe('before rotation')
	})

	test('a tampered value or a missing key is refused', () => {
		configureSecrets(`a:${key()}`)
		const stored = encryptSecret('secret')
		const tampered = stored.slice(0, -4) + (stored.endsWith('AAAA') ? 'BBBB' : 'AAAA')
		expect(() => decryptSecret(tampered)).toThrow()
		configureSecrets(`b:${key()}`)
		expect(() => decryptSecret(stored)).toThrow(/key "a" is not configured/)
	})

	test('bad key configuration is explained', () => {
		for (const spec of ['nocolon', `a:${randomBytes(16).toString('base64')}`]) {
			try {
				configureSecrets(spec)
				expect.unreachable()
			} catch (error) {
				expect(isAppError(error, 'config_invalid')).toBe(true)
			}
		}
		expect(() => configureSecrets(`a:${key()}`, 'b')).toThrow(/SECRETS_ACTIVE_KEY/)
	})

	test('masking shows only the last characters', () => {
		expect(maskSecret('abcdefgh1234')).toBe('••••1234')
		expect(maskSecret('abc')).toBe('••••')
	})
})
