// Runs the ARES simulator on its own:  npx tsx simulators/ares/main.ts --port 7005
import { parseArgs } from 'node:util'
import { startAresSimulator } from './index'

const { values } = parseArgs({ options: { port: { type: 'string', default: '7005' }, host: { type: 'string', default: '127.0.0.1' } } })
const simulator = await startAresSimulator({ port: Number(values.port), host: values.host })
console.log(`ARES simulator listening on ${simulator.url}\n  API: ${simulator.apiUrl}  (GET /ekonomicke-subjekty/{ico})`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void simulator.stop().then(() => process.exit(0)))
