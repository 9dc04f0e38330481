// The demo's GoPay (simulators/gopay on 127.0.0.1:7002, or a free port; DEMO_GOPAY_PORT overrides):
// every demo town whose blueprint has `gateways: gopay:` gets an account there and its credential.
import type pg from 'pg'
import type { Logger } from 'pino'
import { startGoPaySimulator, type GoPaySimulator } from '../simulators/gopay'
import { demoGatewayTowns, ensureDemoCredential, randomDemoSuffix } from './demo-gateways'
import { demoPort } from './demo-port'

export async function startDemoGoPaySimulator(logger: Logger): Promise<GoPaySimulator | null> {
	try {
		// Quick retries: a demo notification that failed is tried again within seconds.
		return await startGoPaySimulator({ port: await demoPort('DEMO_GOPAY_PORT', 7002), accounts: [], retryDelaysMs: [1000, 3000, 10000], maxAttempts: 10 })
	} catch (error) {
		logger.error(`GoPay simulator not started, card payments through GoPay are off: ${(error as Error).message}`)
		return null
	}
}

export async function registerDemoTownsWithGoPay({ simulator, pool, logger }: { simulator: GoPaySimulator; pool: pg.Pool; logger: Logger }) {
	let goId = 8_000_000_000
	const towns = await demoGatewayTowns(pool, 'gopay', (_slug, field) => (field === 'goId' ? String(++goId) : `demo-${field}-${randomDemoSuffix()}`))
	for (const town of towns) {
		const { goId: id = '', clientId = '', clientSecret = '' } = town.fields
		if (!simulator.accounts.some((account) => account.goId === id)) simulator.accounts.push({ goId: id, clientId, clientSecret })
		await ensureDemoCredential(town, 'gopay', { goId: id, clientId, clientSecret, apiUrl: simulator.apiUrl })
		logger.info({ tenant: town.slug }, `demo town ${town.slug} takes card payments through the GoPay simulator`)
	}
}
