import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { clientKeyOf } from './client-key'
import { consumeRateLimit } from './consume-rate-limit.server'

const town = await createTown('ratelimit')
const db = getTenantDb(town.tenant)
const rule = { scope: 'test', limit: 3, windowMs: 60_000 }

describe('a per-client limit kept in Postgres', () => {
	test('the fourth request of one client in a window is refused with the seconds until the window ends; another client is not affected', async () => {
		const now = new Date('2026-12-04T10:00:15Z')
		const answers = []
		for (let index = 0; index < 4; index++) answers.push(await consumeRateLimit({ db, rule, ip: '203.0.113.7', now }))
		expect(answers.slice(0, 3)).toEqual([{ isAllowed: true }, { isAllowed: true }, { isAllowed: true }])
		expect(answers[3]).toEqual({ isAllowed: false, retryAfterSeconds: 45 })
		expect(await consumeRateLimit({ db, rule, ip: '203.0.113.8', now })).toEqual({ isAllowed: true })
		// The next window starts afresh.
		expect(await consumeRateLimit({ db, rule, ip: '203.0.113.7', now: new Date('2026-12-04T10:01:00Z') })).toEqual({ isAllowed: true })
	})

	test('requests arriving at once are all counted (no lost update between connections)', async () => {
		const now = new Date('2026-12-04T11:00:00Z')
		const answers = await Promise.all(Array.from({ length: 12 }, () => consumeRateLimit({ db, rule, ip: '198.51.100.1', now })))
		expect(answers.filter((answer) => answer.isAllowed)).toHaveLength(3)
		expect((await db.rateLimit.findFirstOrThrow({ where: { key: { startsWith: 'test:198.51.100.1:' } } })).hits).toBe(12)
	})

	test('windows that have passed are deleted when a new window starts', async () => {
		await consumeRateLimit({ db, rule, ip: '192.0.2.1', now: new Date('2026-12-04T12:00:00Z') })
		expect(await db.rateLimit.count({ where: { expiresAt: { lte: new Date('2026-12-04T12:00:00Z') } } })).toBe(0)
		expect(await db.rateLimit.count({ where: { key: { startsWith: 'test:203.0.113.7:' } } })).toBe(0)
	})
})

describe('who counts as one client', () => {
	test.each([
		['203.0.113.7', '203.0.113.7'],
		['::ffff:203.0.113.7', '203.0.113.7'],
		['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
		['2001:db8:1:2::99', '2001:db8:1:2::/64'],
		['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
		['2001:db8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['fe80::1%eth0', 'fe80:0:0:0::/64'],
		[null, 'unknown'],
		['not an address', 'unknown'],
	])('%s -> %s', (ip, key) => {
		expect(clientKeyOf(ip)).toBe(key)
	})
})
