// The Stripe simulator: a local HTTP server the official `stripe` SDK is pointed at (host/port/protocol),
// covering Checkout Sessions, PaymentIntents, refunds and events, a hosted-page stand-in and signed webhooks.
// See README.md beside this file.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { createApi } from './api'
import { createControls } from './controls'
import { createHostedPage } from './hosted-page'
import type { Account, SimulatorState } from './state'
import type { StripeSimulator, StripeSimulatorOptions } from './types'
import { sendEvent } from './webhooks'

export * from './types'
export { signPayload } from './webhooks'
export { formatAmount } from './hosted-page'

export async function startStripeSimulator(options: StripeSimulatorOptions): Promise<StripeSimulator> {
	if (process.env.NODE_ENV === 'production' && !options.force) {
		throw new Error(
			'The Stripe simulator takes no money and must not run in production (NODE_ENV=production). Pass { force: true } only if you really mean it.',
		)
	}
	const host = options.host ?? '127.0.0.1'
	const server = http.createServer()
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(options.port ?? 0, host, () => resolve())
	})
	const { port } = server.address() as AddressInfo
	const url = `http://${host}:${port}`
	const state: SimulatorState = {
		publicUrl: (options.publicUrl ?? url).replace(/\/+$/, ''),
		accounts: new Map(options.accounts.map((account) => [account.secretKey, { ...account, events: [] } satisfies Account])),
		objects: new Map(),
		idempotency: new Map(),
		requests: [],
		deliveries: [],
		retryDelaysMs: options.retryDelaysMs ?? [1_000, 5_000, 30_000, 120_000],
		webhookDelayMs: 0,
		apiHang: false,
		pendingDeliveries: new Set(),
	}

	const app = express()
	app.disable('x-powered-by')
	app.use('/v1', createApi(state))
	// eslint-disable-next-line prefer-const -- assigned below, read lazily by the control routes
	let simulator: StripeSimulator
	app.use(
		'/_simulator',
		createControls(() => simulator),
	)
	app.use(createHostedPage(state))
	app.get('/', (_req, res) =>
		res.type('text/plain').send('Stripe simulator\nAPI: /v1 (point the stripe SDK here with host/port/protocol)\nhosted page: /c/pay/<session id>\n'),
	)
	server.on('request', app)

	const account = (secretKey: string) => {
		const found = state.accounts.get(secretKey)
		if (!found) throw new Error(`Stripe simulator: no account with key …${secretKey.slice(-4)}`)
		return found
	}
	const storedEvent = (eventId: string) => {
		const stored = state.objects.get(eventId)
		if (!stored || stored.value.object !== 'event') throw new Error(`Stripe simulator: no event ${eventId}`)
		return stored
	}

	simulator = {
		url,
		sdkOptions: { host, port, protocol: 'http' },
		requests: state.requests,
		deliveries: state.deliveries,
		addAccount: (added) => void state.accounts.set(added.secretKey, { ...added, events: [] }),
		setWebhookUrl: (secretKey, webhookUrl) => void (account(secretKey).webhookUrl = webhookUrl),
		events: (secretKey) => account(secretKey).events,
		resendEvent: (eventId) => {
			const { account, value } = storedEvent(eventId)
			return sendEvent(state, account, value)
		},
		sendDuplicate: async (eventId) => {
			const { account, value } = storedEvent(eventId)
			await Promise.all([sendEvent(state, account, value), sendEvent(state, account, value)])
		},
		setWebhookDelay: (ms) => void (state.webhookDelayMs = ms),
		setApiHang: (on) => void (state.apiHang = on),
		settleWebhooks: async () => {
			while (state.pendingDeliveries.size) await Promise.all([...state.pendingDeliveries])
		},
		expireSessionNow: (sessionId) => {
			const stored = state.objects.get(sessionId)
			if (!stored || stored.value.object !== 'checkout.session') throw new Error(`Stripe simulator: no session ${sessionId}`)
			stored.value.expires_at = Math.floor(Date.now() / 1000) - 1
		},
		stop: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()))
				server.closeAllConnections()
			}),
	}
	return simulator
}
