import { describe, expect, it } from 'vitest'
import { BlueprintSchema } from '../tenancy/blueprint-schema'
import { RecordsConnectorConfigSchema } from './connector-config'
import { createConnector } from './create-connector.server'

const env: Record<string, string> = { VESELI_RECORDS_SECRET: 's1', VESELI_RECORDS_CALLBACK: 's2', GINIS_USER: 'u', GINIS_PASSWORD: 'p' }
const resolveSecret = ({ env: name }: { env: string }) => {
	const value = env[name]
	if (!value) throw new Error(`${name} is not set`)
	return value
}

describe('records connector config', () => {
	it('builds each kind of connector from its blueprint section', () => {
		const webhook = RecordsConnectorConfigSchema.parse({
			kind: 'webhook',
			url: 'http://127.0.0.1:7004/towns/veseli/webhook',
			secret: { env: 'VESELI_RECORDS_SECRET' },
			callbackSecret: { env: 'VESELI_RECORDS_CALLBACK' },
		})
		expect(createConnector(webhook, { townSlug: 'veseli', resolveSecret }).kind).toBe('webhook')
		expect(
			createConnector(RecordsConnectorConfigSchema.parse({ kind: 'email', to: 'podatelna@veseli.example' }), { townSlug: 'veseli', resolveSecret }).kind,
		).toBe('email')
		const ginis = RecordsConnectorConfigSchema.parse({
			kind: 'ginis',
			urls: { ssl: 'https://ginis.example/ssl', gin: 'https://ginis.example/gin' },
			username: { env: 'GINIS_USER' },
			password: { env: 'GINIS_PASSWORD' },
			documentTypeId: 'TD1',
		})
		expect(createConnector(ginis, { townSlug: 'veseli', resolveSecret }).kind).toBe('ginis')
	})

	it('refuses a secret written into the blueprint and an unknown kind, naming the path', () => {
		const inline = RecordsConnectorConfigSchema.safeParse({
			kind: 'webhook',
			url: 'https://x.example/hook',
			secret: 'plaintext',
			callbackSecret: { env: 'CB_SECRET' },
		})
		expect(inline.success).toBe(false)
		expect(inline.error!.issues[0]!.path).toEqual(['secret'])
		expect(inline.error!.issues[0]!.message).toMatch(/never the secret itself/)
		const unknown = RecordsConnectorConfigSchema.safeParse({ kind: 'fax' })
		expect(unknown.error!.issues[0]!.message).toMatch(/webhook, email or ginis/)
		expect(
			RecordsConnectorConfigSchema.safeParse({ kind: 'webhook', url: 'ftp://x.example', secret: { env: 'AAA' }, callbackSecret: { env: 'BBB' } }).success,
		).toBe(false)
	})

	it('is an optional records section of the blueprint', () => {
		const shape = BlueprintSchema.shape.records
		expect(shape.safeParse(undefined).success).toBe(true)
		expect(shape.safeParse({ kind: 'email', to: 'podatelna@znojmo.example' }).success).toBe(true)
	})

	it('fails loudly when a referenced variable is unset', () => {
		const webhook = RecordsConnectorConfigSchema.parse({
			kind: 'webhook',
			url: 'https://x.example/hook',
			secret: { env: 'MISSING_SECRET' },
			callbackSecret: { env: 'CB_SECRET' },
		})
		expect(() => createConnector(webhook, { townSlug: 'veseli', resolveSecret })).toThrow(/MISSING_SECRET/)
	})
})
