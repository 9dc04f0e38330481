// Runs the NIA simulator on its own:  npx tsx simulators/nia/main.ts --port 7001
// Options: --port N (default 7001), --host H (default 127.0.0.1), --public-url URL, --sep FILE.json
// (a SeP registration, the same JSON as POST /admin/sep; repeatable).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startNiaSimulator } from './index'

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '7001' },
		host: { type: 'string', default: '127.0.0.1' },
		'public-url': { type: 'string' },
		sep: { type: 'string', multiple: true, default: [] },
	},
})

let simulator: Awaited<ReturnType<typeof startNiaSimulator>>
try {
	simulator = await startNiaSimulator({ port: Number(values.port), host: values.host, publicUrl: values['public-url'] })
	for (const file of values.sep) simulator.registerSep(JSON.parse(readFileSync(file, 'utf8')))
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exit(1)
}

console.log(`NIA simulator listening on ${simulator.url}
  entityID:  ${simulator.entityId}
  metadata:  ${simulator.metadataUrl}
  SSO / SLO: ${simulator.ssoUrl}
  register a SeP: POST ${simulator.url}/admin/sep  (JSON: issuer, acsUrl, logoutReturnUrl, signingCert, encryptionCert)
  registered from files: ${values.sep.length}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		void simulator.close().then(() => process.exit(0))
	})
}
