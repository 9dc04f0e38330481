import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startGoPaySimulator, type GoPaySimulator } from '../../../../simulators/gopay/index'
import { clearGoPayTokenCache, createGoPayClient } from './gopay-client.server'
import { GoPayError } from './gopay-error'

const account = { goId: '8123456789', clientId: 'cid', clientSecret: 'secret' }
let sim: GoPaySimulator
let receiver: Server
let receiverUrl = ''
const received: string[] = []
let failFirst = 0

beforeAll(async () => {
	sim = await startGoPaySimulator({ accounts: [account], retryDelaysMs: [10, 20, 40], maxAttempts: 5 })
	receiver = createServer((req, res) => {
		received.push(req.url ?? '')
		if (failFirst > 0) {
			failFirst--
			res.writeHead(500).end()
		} else res.writeHead(200).end('ok')
	})
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`
})
afterAll(async () => {
	await sim.stop()
	await new Promise((r) => receiver.close(r))
})
afterEach(() => {
	clearGoPayTokenCache()
	Object.assign(sim.controls, { duplicates: 0, notificationDelayMs: 0, holdNotifications: false, hang: false })
	received.length = 0
	failFirst = 0
})

const client = () => createGoPayClient({ apiUrl: sim.apiUrl, ...account }, { timeoutMs: 300 })
const input = (orderNumber: string) => ({
	amount: 50000,
	currency: 'CZK' as const,
	orderNumber,
	orderDescription: 'Poplatek za psa',
	items: [{ name: 'Poplatek za psa', amount: 50000, count: 1 }],
	returnUrl: 'http://127.0.0.1/return',
	notificationUrl: receiverUrl,
	lang: 'CS' as const,
})
const tokenRequests = () => sim.requests.filter((r) => r.path === '/api/oauth2/token').length

describe('GoPay client against the simulator', () => {
	it('creates, reads status, refunds partly then fully, refuses over-refund', async () => {
		const c = client()
		const p = await c.createPayment(input('A-1'))
		expect(p.state).toBe('CREATED')
		expect(p.gw_url).toContain('/gw/')
		sim.setState(p.id, 'PAID')
		expect((await c.getStatus(p.id)).state).toBe('PAID')
		expect(await c.refund(p.id, 20000)).toEqual({ id: p.id, result: 'FINISHED' })
		expect((await c.getStatus(p.id)).state).toBe('PARTIALLY_REFUNDED')
		const err = await c.refund(p.id, 40000).catch((e) => e)
		expect(err).toBeInstanceOf(GoPayError)
		expect(err.status).toBe(409)
		expect(err.codes).toEqual([111])
		await c.refund(p.id, 30000)
		expect((await c.getStatus(p.id)).state).toBe('REFUNDED')
	})

	it('uses one token for many calls', async () => {
		const before = tokenRequests()
		const c = client()
		const p = await c.createPayment(input('A-2'))
		for (let i = 0; i < 5; i++) await client().getStatus(p.id)
		expect(tokenRequests() - before).toBe(1)
	})

	it('refreshes the token after expiry', async () => {
		const short = await startGoPaySimulator({ accounts: [account], tokenLifetimeS: 61 })
		try {
			const c = createGoPayClient({ apiUrl: short.apiUrl, ...account })
			await c.createPayment(input('A-3'))
			await c.createPayment(input('A-4'))
			// 61 s lifetime minus the 60 s safety margin: the cached token is already due for refresh.
			await new Promise((r) => setTimeout(r, 1100))
			await c.createPayment(input('A-5'))
			expect(short.requests.filter((r) => r.path === '/api/oauth2/token').length).toBe(2)
		} finally {
			await short.stop()
		}
	})

	it('reports bad credentials as a non-retryable GoPayError', async () => {
		const c = createGoPayClient({ apiUrl: sim.apiUrl, ...account, clientSecret: 'wrong' })
		const err = await c.createPayment(input('A-6')).catch((e) => e)
		expect(err).toBeInstanceOf(GoPayError)
		expect(err.status).toBe(403)
		expect(err.codes).toEqual([202])
		expect(err.retryable).toBe(false)
		expect(err.message).not.toContain('wrong')
	})

	it('surfaces a hanging gateway as a retryable error', async () => {
		sim.controls.hang = true
		const err = await client()
			.createPayment(input('A-7'))
			.catch((e) => e)
		expect(err).toBeInstanceOf(GoPayError)
		expect(err.retryable).toBe(true)
	})
})

describe('GoPay simulator notifications', () => {
	it('retries until the receiver answers 200', async () => {
		failFirst = 2
		const p = await client().createPayment(input('N-1'))
		sim.setState(p.id, 'PAID')
		await sim.settled()
		expect(received).toEqual([`/notify?id=${p.id}`, `/notify?id=${p.id}`, `/notify?id=${p.id}`])
	})

	it('sends duplicates and delivers held notifications out of order', async () => {
		sim.controls.duplicates = 1
		const a = await client().createPayment(input('N-2'))
		sim.setState(a.id, 'PAID')
		await sim.settled()
		expect(received).toEqual([`/notify?id=${a.id}`, `/notify?id=${a.id}`])
		received.length = 0
		sim.controls.duplicates = 0
		sim.controls.holdNotifications = true
		const b = await client().createPayment(input('N-3'))
		const c = await client().createPayment(input('N-4'))
		sim.setState(b.id, 'PAID')
		sim.setState(c.id, 'CANCELED')
		expect(received).toEqual([])
		sim.flushNotifications('reverse')
		await sim.settled()
		expect(received).toEqual([`/notify?id=${c.id}`, `/notify?id=${b.id}`])
	})

	it('the payment page pays and redirects to return_url with the id', async () => {
		const p = await client().createPayment(input('N-5'))
		const page = await fetch(p.gw_url!)
		expect(await page.text()).toContain('Zaplatit / Pay')
		const res = await fetch(p.gw_url!, { method: 'POST', body: new URLSearchParams({ outcome: 'paid' }), redirect: 'manual' })
		expect(res.status).toBe(303)
		expect(res.headers.get('location')).toBe(`http://127.0.0.1/return?id=${p.id}`)
		expect((await client().getStatus(p.id)).state).toBe('PAID')
		await sim.settled()
		expect(received).toContain(`/notify?id=${p.id}`)
	})
})

describe('GoPay simulator validation and control API', () => {
	it('answers invalid payments with GoPay error codes and a field', async () => {
		const err = await client()
			.createPayment({ ...input('V-1'), amount: 0 })
			.catch((e) => e)
		expect(err).toBeInstanceOf(GoPayError)
		expect(err.status).toBe(409)
		expect(err.errors[0]).toMatchObject({ error_code: 111, error_name: 'WRONG_VALUE', field: 'amount' })
	})

	it('sets state, delays notifications and exposes the log over HTTP', async () => {
		const p = await client().createPayment(input('C-1'))
		await fetch(`${sim.url}/control`, { method: 'POST', body: JSON.stringify({ notificationDelayMs: 150 }) })
		const started = Date.now()
		const set = await fetch(`${sim.url}/control/payments/${p.id}/state`, { method: 'POST', body: JSON.stringify({ state: 'TIMEOUTED' }) })
		expect(set.status).toBe(200)
		expect((await client().getStatus(p.id)).state).toBe('TIMEOUTED')
		await sim.settled()
		expect(Date.now() - started).toBeGreaterThanOrEqual(140)
		expect(received).toEqual([`/notify?id=${p.id}`])
		const log = (await (await fetch(`${sim.url}/control/log`)).json()) as { requests: { path: string }[]; notifications: { status: number }[] }
		expect(log.requests.some((r) => r.path === `/api/payments/payment/${p.id}`)).toBe(true)
		expect(log.notifications.at(-1)?.status).toBe(200)
	})
})
