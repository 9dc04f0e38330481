import { describe, expect, test } from 'vitest'
import { isAppError, type AppError } from '../errors/app-error'
import { parseEnv } from './env.server'

// A process environment holding only these variables.
const only = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

function refusal(vars: Record<string, string>): AppError {
	try {
		parseEnv(only(vars))
	} catch (error) {
		if (isAppError(error)) return error
		throw error
	}
	throw new Error('expected parseEnv to refuse the environment')
}

const PROD_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`

describe('parseEnv', () => {
	test('an empty environment gives the documented defaults', () => {
		expect(parseEnv(only({}))).toEqual({
			NODE_ENV: 'development',
			HOST: '0.0.0.0',
			PORT: 3000,
			DATABASE_URL: undefined,
			DB_POOL_MAX: 10,
			PLATFORM_HOST: 'admin.localhost',
			TENANT_CACHE_TTL_MS: 300_000,
			TENANT_CLIENT_CACHE_SIZE: 2_000,
			SHUTDOWN_TIMEOUT_MS: 10_000,
			LOG_LEVEL: 'info',
			DATA_DIR: '.data',
			TRUST_PROXY: false,
			ALLOW_GATEWAY_SIMULATORS: false,
			ARES_API_URL: 'https://ares.gov.cz/ekonomicke-subjekty-v-be/rest',
			ARES_TIMEOUT_MS: 5_000,
		})
	})

	test('production refuses to start without keys for secrets at rest, and never prints a key', () => {
		expect(() => parseEnv(only({ NODE_ENV: 'production' }))).toThrow(/SECRETS_KEYS: is required in production.*\(got nothing\)/)
		const bad = 'k1:c2hvcnQ='
		expect(() => parseEnv(only({ SECRETS_KEYS: bad }))).toThrow(/SECRETS_KEYS: must be/)
		expect(() => parseEnv(only({ SECRETS_KEYS: bad }))).not.toThrow(/c2hvcnQ/)
	})

	test('values given as strings are read as the right types', () => {
		const env = parseEnv(
			only({
				PORT: '8080',
				DB_POOL_MAX: '4',
				TRUST_PROXY: 'true',
				DATABASE_URL: 'postgres://u@db:5432/portal',
				NODE_ENV: 'production',
				SECRETS_KEYS: PROD_KEYS,
			}),
		)
		expect(env).toMatchObject({ PORT: 8080, DB_POOL_MAX: 4, TRUST_PROXY: true, DATABASE_URL: 'postgres://u@db:5432/portal', NODE_ENV: 'production' })
	})

	test.each([
		['PORT', 'abc'],
		['PORT', '70000'],
		['DATABASE_URL', 'mysql://x'],
		['LOG_LEVEL', 'loud'],
		['DB_POOL_MAX', '0'],
		['TRUST_PROXY', 'yes'],
		['PLATFORM_HOST', 'Admin.Example'],
		['NODE_ENV', 'staging'],
	])('%s=%s is refused with config_invalid naming the variable', (name, value) => {
		const error = refusal({ [name]: value })
		expect(error.code).toBe('config_invalid')
		expect(error.details).toHaveLength(1)
		expect(error.details[0]).toMatch(new RegExp(`^${name}: `))
		expect(error.message).toContain(`${name}: `)
	})

	test('every wrong variable is named at once', () => {
		const error = refusal({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })
		expect(error.details.map((d) => d.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT'])
	})

	test('a refused DATABASE_URL does not print its password', () => {
		const error = refusal({ DATABASE_URL: 'mysql://portal:hunter2@db.internal/portal' })
		expect(error.message).toContain('DATABASE_URL')
		expect(error.message).toContain('db.internal')
		expect(error.message).not.toContain('hunter2')
	})
})
