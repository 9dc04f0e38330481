// Issue 11, item 7: a gateway API URL outside the providers' official ones never gets the town's
// credentials: refused when saved (unless the demo or the tests allow the local simulators), and
// refused again when a client is built from a value already stored.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { encryptSecret } from '../secrets/secrets.server'
import { allowGatewaySimulators, isAllowedGatewayApiUrl } from './gateway-api-url.server'
import { listGatewayCredentials, setGatewayCredential } from './gateway-credentials.server'
import { createGoPayClient } from './gopay/gopay-client.server'
import { getPaymentProvider } from './providers/registry.server'
import { createStripeClient } from './stripe'

const town = await createTown('ssrf-town')
const db = getTenantDb(town.tenant)
const GOPAY = { goId: '8123456789', clientId: 'client-ssrf', clientSecret: 'ssrf-secret-value-1234' }
const STRIPE = { secretKey: 'sk_test_ssrf1234', webhookSecret: 'whsec_ssrf1234' }

// Stands in for an internal service: records whatever reaches it.
const heard: string[] = []
const listener = http.createServer((request, response) => {
	heard.push(`${request.method} ${request.url}`)
	response.end('{}')
})
let listenerUrl = ''

beforeAll(async () => {
	await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
	listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/steal`
})
afterEach(() => allowGatewaySimulators(null))
afterAll(() => new Promise((resolve) => listener.close(resolve)))

describe('gateway API URL', () => {
	test('11.7 SSRF through a gateway URL: outside the demo, saving http://127.0.0.1:9/steal (or any non-official URL) is refused naming apiUrl, and nothing is stored', async () => {
		allowGatewaySimulators(false)
		const before = await listGatewayCredentials(db)
		for (const apiUrl of [
			'http://127.0.0.1:9/steal',
			'http://169.254.169.254/latest',
			'https://gate.gopay.cz.evil.example/api',
			'https://gate.gopay.cz/api/../../steal',
			'http://gate.gopay.cz/api',
		]) {
			await expect(setGatewayCredential({ db, provider: 'gopay', values: { ...GOPAY, apiUrl }, actor: 'admin' }), apiUrl).rejects.toMatchObject({
				code: 'gateway_url_refused',
				details: [expect.stringMatching(/^apiUrl: /)],
			})
		}
		await expect(
			setGatewayCredential({ db, provider: 'stripe', values: { ...STRIPE, apiUrl: 'http://127.0.0.1:9/steal' }, actor: 'admin' }),
		).rejects.toMatchObject({ code: 'gateway_url_refused' })
		expect(await listGatewayCredentials(db)).toEqual(before)

		// The official addresses (and none at all) are accepted.
		await setGatewayCredential({ db, provider: 'gopay', values: { ...GOPAY, apiUrl: 'https://gw.sandbox.gopay.com/api' }, actor: 'admin' })
		await setGatewayCredential({ db, provider: 'gopay', values: GOPAY, actor: 'admin' })
		await setGatewayCredential({ db, provider: 'stripe', values: { ...STRIPE, apiUrl: 'https://api.stripe.com' }, actor: 'admin' })
		// The simulators on this machine only when allowed (the demo, the tests).
		expect(isAllowedGatewayApiUrl('gopay', 'http://127.0.0.1:7002/api')).toBe(false)
		allowGatewaySimulators(true)
		expect(isAllowedGatewayApiUrl('gopay', 'http://127.0.0.1:7002/api')).toBe(true)
		expect(isAllowedGatewayApiUrl('gopay', 'http://10.0.0.5/api')).toBe(false)
	})

	test('11.7 SSRF through a gateway URL: a client built from a stored credential with a bad apiUrl refuses, and the address never hears from it', async () => {
		allowGatewaySimulators(false)
		// Stored around the check (an older row, a direct database write): the client must still refuse.
		await sql(`UPDATE ${town.schema}.gateway_credential SET status = 'retired' WHERE status = 'active'`)
		for (const [provider, values] of [
			['gopay', { ...GOPAY, apiUrl: listenerUrl }],
			['stripe', { ...STRIPE, apiUrl: listenerUrl }],
		] as const) {
			const config = encryptSecret(JSON.stringify(values))
			await db.gatewayCredential.create({
				data: { provider, config, keyId: config.split(':')[2] ?? '', status: 'active', activatedAt: new Date(), maskedHint: '••••', createdBy: 'test' },
			})
			await expect(getPaymentProvider(db, provider), provider).rejects.toMatchObject({ code: 'gateway_url_refused' })
		}
		expect(() => createGoPayClient({ ...GOPAY, apiUrl: listenerUrl })).toThrow(expect.objectContaining({ code: 'gateway_url_refused' }))
		expect(() => createStripeClient({ ...STRIPE, apiUrl: listenerUrl })).toThrow(expect.objectContaining({ code: 'gateway_url_refused' }))
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(heard).toEqual([])
	})
})
