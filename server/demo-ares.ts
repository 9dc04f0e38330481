// The demo's ARES (simulators/ares on 127.0.0.1:7005, or a free port; DEMO_ARES_PORT overrides): the
// portal's IČO lookups go there unless ARES_API_URL names another allowed base (docs/decisions/026).
import type { Logger } from 'pino'
import { useAresApiUrl } from '../app/modules/ares/ares-client.server'
import { startAresSimulator, type AresSimulator } from '../simulators/ares'
import { demoPort } from './demo-port'

export async function startDemoAresSimulator(logger: Logger): Promise<AresSimulator | null> {
	try {
		const simulator = await startAresSimulator({ port: await demoPort('DEMO_ARES_PORT', 7005), force: true })
		if (!process.env.ARES_API_URL) {
			process.env.ARES_API_URL = simulator.apiUrl
			useAresApiUrl(simulator.apiUrl)
		}
		return simulator
	} catch (error) {
		logger.error(`ARES simulator not started, IČO lookups go to ${process.env.ARES_API_URL ?? 'the real ARES'}: ${(error as Error).message}`)
		return null
	}
}
