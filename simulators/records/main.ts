// Runs the records simulator on its own:
//   npx tsx simulators/records/main.ts --port 7004 --town veseli:WEBHOOK_SECRET:CALLBACK_SECRET:http://veseli.localhost:3000/api/records/status
// --town is repeatable (slug:webhookSecret:callbackSecret:callbackUrl).
import { parseArgs } from 'node:util'
import { startRecordsSimulator } from './index'

const { values } = parseArgs({
	options: { port: { type: 'string', default: '7004' }, host: { type: 'string', default: '127.0.0.1' }, town: { type: 'string', multiple: true, default: [] } },
})

const towns = values.town.map((spec) => {
	const [slug, webhookSecret, callbackSecret, ...rest] = spec.split(':')
	const callbackUrl = rest.join(':')
	if (!slug || !webhookSecret || !callbackSecret || !callbackUrl) {
		console.error(`--town ${spec}: expected slug:webhookSecret:callbackSecret:callbackUrl`)
		process.exit(1)
	}
	return { slug, webhookSecret, callbackSecret, callbackUrl }
})

try {
	const simulator = await startRecordsSimulator({ port: Number(values.port), host: values.host, towns })
	console.log(
		`Records simulator listening on ${simulator.url}\n${towns.map((t) => `  ${t.slug}: webhook ${simulator.webhookUrl(t.slug)} -> callbacks ${t.callbackUrl}`).join('\n')}`,
	)
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void simulator.stop().then(() => process.exit(0)))
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
}
