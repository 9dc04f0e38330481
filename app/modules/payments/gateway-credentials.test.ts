import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { listActiveProviders, listGatewayCredentials, loadGatewayConfig, setGatewayCredential } from './gateway-credentials.server'
import { setGatewayFromEnvironment } from './set-gateway-from-environment.server'

const town = await createTown('gateway-town', {
	gateways: { gopay: { goId: { env: 'GW_TEST_GOID' }, clientId: { env: 'GW_TEST_CLIENT' }, clientSecret: { env: 'GW_TEST_SECRET' } } },
})
const db = getTenantDb(town.tenant)
const GOPAY = { goId: '8123456789', clientId: 'client-one', clientSecret: 'very-secret-value-1234' }

describe('gateway credentials', () => {
	test('are stored encrypted with the key id, shown only masked, and decrypt for the payment code', async () => {
		const saved = await setGatewayCredential({ db, provider: 'gopay', values: GOPAY, actor: 'admin@town' })
		expect(saved.maskedHint).toBe('GoID 8123456789, ••••1234')
		const [row] = await sql<{ config: string; key_id: string }>(`SELECT config, key_id FROM ${town.schema}.gateway_credential WHERE id = $1`, [saved.id])
		expect(row!.config).toMatch(/^enc:v1:/)
		expect(row!.config).not.toContain('very-secret')
		expect(row!.key_id).toBe(row!.config.split(':')[2])
		expect(JSON.stringify(await listGatewayCredentials(db))).not.toContain('very-secret')
		expect(await loadGatewayConfig(db, 'gopay')).toMatchObject({ ...GOPAY, apiUrl: 'https://gate.gopay.cz/api' })
	})

	test('a new credential retires the old one: one active per provider, the history kept', async () => {
		await setGatewayCredential({ db, provider: 'gopay', values: { ...GOPAY, clientSecret: 'second-secret-5678' }, actor: 'admin@town' })
		const history = (await listGatewayCredentials(db)).filter((row) => row.provider === 'gopay')
		expect(history.map((row) => row.status)).toEqual(['active', 'retired'])
		expect(await listActiveProviders(db)).toEqual(['gopay'])
		expect((await loadGatewayConfig(db, 'gopay'))?.clientSecret).toBe('second-secret-5678')
	})

	test('invalid values are refused with every problem named and nothing changes', async () => {
		const before = await listGatewayCredentials(db)
		await expect(setGatewayCredential({ db, provider: 'stripe', values: { secretKey: 'pk_live_x', webhookSecret: '' }, actor: 'x' })).rejects.toMatchObject({
			code: 'input_invalid',
			details: [expect.stringContaining('secretKey'), expect.stringContaining('webhookSecret')],
		})
		expect(await listGatewayCredentials(db)).toEqual(before)
	})

	test('vendor onboarding sets the credential from the environment variables the blueprint names, and reports missing ones', async () => {
		await expect(setGatewayFromEnvironment({ db, provider: 'gopay', env: { GW_TEST_GOID: '8123456780' }, actor: 'cli' })).rejects.toMatchObject({
			details: ['GW_TEST_CLIENT', 'GW_TEST_SECRET'],
		})
		await expect(setGatewayFromEnvironment({ db, provider: 'stripe', env: {}, actor: 'cli' })).rejects.toMatchObject({ code: 'input_invalid' })
		const saved = await setGatewayFromEnvironment({
			db,
			provider: 'gopay',
			env: { GW_TEST_GOID: '8123456780', GW_TEST_CLIENT: 'c', GW_TEST_SECRET: 'from-env-9999' },
			actor: 'cli',
		})
		expect(saved.maskedHint).toBe('GoID 8123456780, ••••9999')
	})
})
