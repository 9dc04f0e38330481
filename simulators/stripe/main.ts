// Runs the Stripe simulator on its own:  npx tsx simulators/stripe/main.ts --port 7003
// Options: --port N (default 7003), --host H (default 127.0.0.1), --public-url URL,
// --account sk_test_…:whsec_…[:webhook URL] (repeatable; default one demo account).
import { parseArgs } from 'node:util'
import { startStripeSimulator, type StripeSimulatorAccount } from './index'

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '7003' },
		host: { type: 'string', default: '127.0.0.1' },
		'public-url': { type: 'string' },
		account: { type: 'string', multiple: true, default: [] },
	},
})

function parseAccount(text: string): StripeSimulatorAccount {
	const [secretKey, webhookSecret, ...rest] = text.split(':')
	if (!secretKey?.startsWith('sk_') || !webhookSecret?.startsWith('whsec_')) throw new Error(`--account wants sk_test_…:whsec_…[:webhook URL], got ${text}`)
	return { secretKey, webhookSecret, webhookUrl: rest.length ? rest.join(':') : undefined }
}

let simulator: Awaited<ReturnType<typeof startStripeSimulator>>
try {
	const accounts = values.account.length ? values.account.map(parseAccount) : [{ secretKey: 'sk_test_demo', webhookSecret: 'whsec_demo' }]
	simulator = await startStripeSimulator({ port: Number(values.port), host: values.host, publicUrl: values['public-url'], accounts })
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
}

console.log(`Stripe simulator listening on ${simulator.url}
  SDK: new Stripe(secretKey, { host: '${simulator.sdkOptions.host}', port: ${simulator.sdkOptions.port}, protocol: 'http' })
  hosted page: ${simulator.url}/c/pay/<session id>`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		void simulator.stop().then(() => process.exit(0))
	})
}
