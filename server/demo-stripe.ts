// The demo's Stripe (simulators/stripe on 127.0.0.1:7003, or a free port; DEMO_STRIPE_PORT overrides):
// every demo town whose blueprint has `gateways: stripe:` gets an account there, its webhooks sent to
// the town's own host, and its credential.
import type pg from 'pg'
import type { Logger } from 'pino'
import { startStripeSimulator, type StripeSimulator } from '../simulators/stripe'
import { demoGatewayTowns, ensureDemoCredential, randomDemoSuffix } from './demo-gateways'
import { demoPort } from './demo-port'

export async function startDemoStripeSimulator(logger: Logger): Promise<StripeSimulator | null> {
	try {
		return await startStripeSimulator({ port: await demoPort('DEMO_STRIPE_PORT', 7003), accounts: [], retryDelaysMs: [1000, 3000, 10000], force: true })
	} catch (error) {
		logger.error(`Stripe simulator not started, card payments through Stripe are off: ${(error as Error).message}`)
		return null
	}
}

export async function registerDemoTownsWithStripe({
	simulator,
	pool,
	port,
	logger,
}: {
	simulator: StripeSimulator
	pool: pg.Pool
	port: number
	logger: Logger
}) {
	const towns = await demoGatewayTowns(
		pool,
		'stripe',
		(slug, field) => `${field === 'webhookSecret' ? 'whsec' : 'sk_test'}_${slug.replace(/\W/g, '')}_${randomDemoSuffix()}`,
	)
	for (const town of towns) {
		const { secretKey = '', webhookSecret = '' } = town.fields
		// The simulator reaches *.localhost towns on 127.0.0.1 with the town's Host (simulators/loopback-request.ts).
		simulator.addAccount({ secretKey, webhookSecret, webhookUrl: `http://${town.host}:${port}/api/payments/stripe/webhook` })
		await ensureDemoCredential(town, 'stripe', { secretKey, webhookSecret, apiUrl: simulator.url })
		logger.info({ tenant: town.slug }, `demo town ${town.slug} takes card payments through the Stripe simulator`)
	}
}
