// ARES simulator: GET {base}/ekonomicke-subjekty/{ico} on /ekonomicke-subjekty-v-be/rest, answering as
// ARES does: the subject as JSON; 404 {kod: NENALEZENO, …} when there is none; 400 {kod: CHYBA_VSTUPU,
// …} when the IČO is not 1–8 digits. A down switch answers 503 (the portal must say ARES is unavailable).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo } from 'node:net'
import { DEMO_ARES_SUBJECTS, type AresEkonomickySubjekt } from './subjects'

export type { AresEkonomickySubjekt } from './subjects'
export { DEMO_ARES_SUBJECTS } from './subjects'

export const ARES_BASE_PATH = '/ekonomicke-subjekty-v-be/rest'

export type StartAresSimulatorOptions = { port?: number; host?: string; subjects?: AresEkonomickySubjekt[]; force?: boolean }

export async function startAresSimulator(options: StartAresSimulatorOptions = {}) {
	if (process.env.NODE_ENV === 'production' && !options.force) {
		throw new Error(
			'The ARES simulator answers made-up companies and must not run in production (NODE_ENV=production). Pass { force: true } only if you mean it.',
		)
	}
	const subjects = new Map((options.subjects ?? DEMO_ARES_SUBJECTS).map((subject) => [subject.ico, subject]))
	const requests: { method: string; path: string; at: number }[] = []
	const controls = { down: false, delayMs: 0 }

	function json(res: ServerResponse, status: number, body: unknown) {
		res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' })
		res.end(JSON.stringify(body))
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://x')
		requests.push({ method: req.method ?? 'GET', path: url.pathname, at: Date.now() })
		if (controls.delayMs) await new Promise((resolve) => setTimeout(resolve, controls.delayMs))
		if (controls.down) return json(res, 503, { kod: 'SLUZBA_NEDOSTUPNA', popis: 'Služba je dočasně nedostupná.' })
		const match = new RegExp(`^${ARES_BASE_PATH}/ekonomicke-subjekty/([^/]*)$`).exec(url.pathname)
		if (!match) return json(res, 404, { kod: 'NENALEZENO', popis: 'Požadovaný zdroj nebyl nalezen.' })
		if (req.method !== 'GET') return json(res, 405, { kod: 'CHYBA_VSTUPU', popis: 'Nepodporovaná metoda.' })
		const ico = decodeURIComponent(match[1]!)
		if (!/^\d{1,8}$/.test(ico)) {
			return json(res, 400, { kod: 'CHYBA_VSTUPU', popis: 'Chyba vstupních dat: IČO musí mít nejvýše 8 číslic.', subKod: 'VSTUP_ICO_NEPLATNE' })
		}
		const subject = subjects.get(ico.padStart(8, '0'))
		if (!subject) return json(res, 404, { kod: 'NENALEZENO', popis: `Ekonomický subjekt s IČO ${ico} nebyl nalezen.`, subKod: 'VYSTUP_SUBJEKT_NENALEZEN' })
		return json(res, 200, subject)
	}

	const http = createServer((req, res) => {
		handle(req, res).catch((error) => json(res, 500, { kod: 'CHYBA_SERVERU', popis: String(error) }))
	})
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject)
		http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
	})
	const address = http.address() as AddressInfo
	const server = {
		url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
		get apiUrl() {
			return `${server.url}${ARES_BASE_PATH}`
		},
		/** down: answer 503; delayMs: answer late (the client's timeout). */
		controls,
		/** Subjects may be added while it runs (a test's own company). */
		subjects,
		requests,
		stop() {
			http.closeAllConnections()
			return new Promise<void>((resolve) => http.close(() => resolve()))
		},
	}
	return server
}
export type AresSimulator = Awaited<ReturnType<typeof startAresSimulator>>
