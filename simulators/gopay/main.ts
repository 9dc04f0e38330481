// Runs the GoPay simulator on its own:  npx tsx simulators/gopay/main.ts --port 7002
// Account: --go-id, --client-id, --client-secret (defaults below are for local testing only).
import { parseArgs } from 'node:util'
import { startGoPaySimulator } from './index'

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '7002' },
		host: { type: 'string', default: '127.0.0.1' },
		'go-id': { type: 'string', default: '8123456789' },
		'client-id': { type: 'string', default: 'sim-client' },
		'client-secret': { type: 'string', default: 'sim-secret' },
	},
})
const simulator = await startGoPaySimulator({
	port: Number(values.port),
	host: values.host,
	accounts: [{ goId: values['go-id'], clientId: values['client-id'], clientSecret: values['client-secret'] }],
})
console.log(`GoPay simulator listening on ${simulator.url}\n  API: ${simulator.apiUrl}\n  GoID: ${values['go-id']}  client: ${values['client-id']}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => simulator.stop().then(() => process.exit(0)))
