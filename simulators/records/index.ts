// The records simulator: a small spisová služba that accepts the portal's signed webhooks, assigns
// reference numbers, lists what it received and posts signed status callbacks back. See README.md.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRecordsApp } from './records-app'
import { createRecordsState } from './records-state'
import type { RecordsSimulator, RecordsSimulatorOptions } from './types'

export * from './types'

export async function startRecordsSimulator(options: RecordsSimulatorOptions): Promise<RecordsSimulator> {
	if (process.env.NODE_ENV === 'production' && !options.force) {
		throw new Error(
			'The records simulator files documents nowhere and must not run in production (NODE_ENV=production). Pass { force: true } only if you mean it.',
		)
	}
	const state = createRecordsState(options.towns)
	const host = options.host ?? '127.0.0.1'
	const server = http.createServer(createRecordsApp(state, options.toleranceSeconds ?? 300))
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(options.port ?? 0, host, () => resolve())
	})
	const { port } = server.address() as AddressInfo
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
	return {
		url,
		webhookUrl: (slug) => `${url}/towns/${encodeURIComponent(slug)}/webhook`,
		setDown: (down) => state.setDown(down),
		received: () => [...state.documents],
		attempts: () => [...state.attempts],
		sendStatus: async (id, update) => {
			const doc = state.find(id)
			if (!doc) throw new Error(`records simulator: no document ${id}`)
			return state.sendStatus(doc, update)
		},
		addTown: (town) => void state.towns.set(town.slug, town),
		stop: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()))
				server.closeAllConnections()
			}),
	}
}
