// What a town's pages ask for on every visit is remembered per town, and a change made by any process
// reaches every process through the tenant-changed NOTIFY (the listener the server and the worker run).
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { listCurrentAnnouncements } from '../announcements/list-announcements.server'
import { getTenantDb } from '../db/tenant-db.server'
import { listActiveProviders, retireGatewayCredential, setGatewayCredential } from '../payments/gateway-credentials.server'
import { TENANT_CHANGED_CHANNEL } from './tenant-events.server'
import { invalidateTownCaches, rememberForTown } from './town-cache.server'

const town = await createTown('cache-town')
const other = await createTown('cache-other')
const db = getTenantDb(town.tenant)
const GOPAY = { goId: '8123456789', clientId: 'client-one', clientSecret: 'very-secret-value-1234' }

// A second process's view of the channel: a plain connection listening, as listenForTenantChanges does.
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL })
await listener.connect()
await listener.query(`LISTEN ${TENANT_CHANGED_CHANNEL}`)
const heard: string[] = []
listener.on('notification', (message) => heard.push(message.payload ?? ''))
afterAll(() => listener.end())

const until = async (check: () => boolean) => {
	for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20))
	return check()
}

describe('town cache', () => {
	test('the card gateways a town has on are read once, and a change shows at once here and is announced to other processes', async () => {
		expect(await listActiveProviders(db)).toEqual([])
		// Written behind the cache's back (as another process would, without telling): still the remembered answer.
		await sql(
			`INSERT INTO ${town.schema}.gateway_credential (provider, config, key_id, status, activated_at, masked_hint) VALUES ('stripe', 'x', 'k', 'active', now(), 'x')`,
		)
		expect(await listActiveProviders(db)).toEqual([])
		// The other process hears the NOTIFY and drops the town (here: what its listener would call).
		invalidateTownCaches(town.tenant.slug)
		expect(await listActiveProviders(db)).toEqual(['stripe'])

		heard.length = 0
		await setGatewayCredential({ db, provider: 'gopay', values: GOPAY, actor: 'admin@town' })
		expect(await listActiveProviders(db)).toEqual(['gopay', 'stripe'])
		expect(await until(() => heard.includes(town.tenant.slug))).toBe(true)
		await retireGatewayCredential({ db, provider: 'gopay' })
		expect(await listActiveProviders(db)).toEqual(['stripe'])
	})

	test("one town's remembered answers are never another's, and dropping one town keeps the rest", async () => {
		const loads: string[] = []
		const answer = (ref: { id: string; slug: string }) =>
			rememberForTown(ref, 'probe', async () => {
				loads.push(ref.slug)
				return ref.slug
			})
		expect(await Promise.all([answer(town.tenant), answer(other.tenant), answer(town.tenant)])).toEqual(['cache-town', 'cache-other', 'cache-town'])
		expect(loads).toEqual(['cache-town', 'cache-other'])
		invalidateTownCaches('cache-town')
		expect(await answer(other.tenant)).toBe('cache-other')
		expect(await answer(town.tenant)).toBe('cache-town')
		expect(loads).toEqual(['cache-town', 'cache-other', 'cache-town'])
	})

	test('a failed load is not remembered: the next request tries again', async () => {
		let attempt = 0
		const flaky = () =>
			rememberForTown(town.tenant, 'flaky', async () => {
				attempt++
				if (attempt === 1) throw new Error('database went away')
				return 'ok'
			})
		await expect(flaky()).rejects.toThrow('database went away')
		expect(await flaky()).toBe('ok')
	})

	test("the home page's announcements are remembered per day and dropped when the town changes", async () => {
		const today = new Date('2026-12-10T00:00:00Z')
		expect(await listCurrentAnnouncements(db, today)).toEqual([])
		await sql(`INSERT INTO ${town.schema}.announcement (topic, title, body, recipients, state) VALUES ('general', 'Voda', 'Odstávka vody', 0, 'queued')`)
		expect(await listCurrentAnnouncements(db, today)).toEqual([])
		expect((await listCurrentAnnouncements(db, new Date('2026-12-11T00:00:00Z'))).map((row) => row.title)).toEqual(['Voda'])
		invalidateTownCaches(town.tenant.slug)
		expect((await listCurrentAnnouncements(db, today)).map((row) => row.title)).toEqual(['Voda'])
	})
})
