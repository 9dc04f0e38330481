// ARES (Administrativní registr ekonomických subjektů), the state's public register of economic
// subjects: GET {base}/ekonomicke-subjekty/{ico} answers one subject as JSON (obchodniJmeno,
// pravniForma, sidlo{textovaAdresa, nazevObce, psc}, dic…), 404 with {kod, popis, subKod} when there
// is none. Used to prefill a legal person's name, legal form and seat when it applies for a grant.
// The base comes from ARES_API_URL and, like a card gateway's (docs/decisions/014), must be the
// official one, or the simulator (simulators/ares) on this machine where simulators are allowed.
import { z } from 'zod'
import { getEnv } from '../env/env.server'
import { AppError } from '../errors/app-error'
import { areGatewaySimulatorsAllowed } from '../payments/gateway-api-url.server'
import { singleton } from '../util/singleton.server'
import { isValidIco, normalizeIco } from './ico'
import { legalFormName } from './legal-forms'

export const OFFICIAL_ARES_API_URL = 'https://ares.gov.cz/ekonomicke-subjekty-v-be/rest'

export type AresSubject = {
	ico: string
	name: string
	legalForm: { code: string; name: string }
	seat: { text: string; municipality?: string; postalCode?: string }
	dic?: string
}

// What we read of ARES's EkonomickySubjekt; everything else it sends is ignored.
const AresResponseSchema = z.object({
	ico: z.string(),
	obchodniJmeno: z.string().min(1),
	pravniForma: z.string().optional(),
	dic: z.string().optional(),
	sidlo: z
		.object({
			textovaAdresa: z.string().optional(),
			nazevObce: z.string().optional(),
			psc: z.union([z.number(), z.string()]).optional(),
		})
		.optional(),
})

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
const FOUND_TTL_MS = 10 * 60_000
const NOT_FOUND_TTL_MS = 60_000
const CACHE_SIZE = 1000

const state = singleton('ares-client', () => ({
	apiUrl: null as string | null,
	cache: new Map<string, { subject: AresSubject | null; expiresAt: number }>(),
}))

/** The demo points the client at its simulator (null goes back to ARES_API_URL); clears the cache. */
export function useAresApiUrl(apiUrl: string | null) {
	state.apiUrl = apiUrl
	state.cache.clear()
}

export function clearAresCache() {
	state.cache.clear()
}

/** Whether the client may call this base: ARES's official one, or a loopback simulator when allowed. */
export function isAllowedAresApiUrl(apiUrl: string) {
	let url: URL
	try {
		url = new URL(apiUrl)
	} catch {
		return false
	}
	if (url.username || url.password || url.search || url.hash) return false
	if (`${url.origin}${url.pathname}`.replace(/\/+$/, '') === OFFICIAL_ARES_API_URL) return true
	return areGatewaySimulatorsAllowed() && (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
}

const unavailable = (detail: string) => new AppError('ares_unavailable', 'The ARES register did not answer; try again later', [detail])

/** "69801" or 69801 → "698 01", the way Czech postal codes are written. */
function formatPostalCode(psc: number | string | undefined) {
	if (psc === undefined) return undefined
	const digits = String(psc).replace(/\s+/g, '').padStart(5, '0')
	return /^\d{5}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : undefined
}

/**
 * The economic subject with this IČO, or null when ARES has none (or the IČO cannot exist: bad
 * checksum). Throws AppError `ares_unavailable` when ARES cannot be asked or answers with an error.
 * Answers are kept briefly per process (ten minutes; "not found" one minute).
 */
export async function lookupEconomicSubject(ico: string): Promise<AresSubject | null> {
	const normalized = normalizeIco(ico)
	if (!normalized || !isValidIco(normalized)) return null
	const env = getEnv()
	const base = (state.apiUrl ?? env.ARES_API_URL).replace(/\/+$/, '')
	if (!isAllowedAresApiUrl(base))
		throw unavailable(`ARES_API_URL is not the official ${OFFICIAL_ARES_API_URL} (a local simulator is allowed only in the demo and tests)`)

	const key = `${base} ${normalized}`
	const cached = state.cache.get(key)
	if (cached && cached.expiresAt > Date.now()) return cached.subject

	let response: Response
	try {
		response = await fetch(`${base}/ekonomicke-subjekty/${normalized}`, {
			headers: { Accept: 'application/json' },
			signal: AbortSignal.timeout(env.ARES_TIMEOUT_MS),
			redirect: 'error',
		})
	} catch (error) {
		const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${env.ARES_TIMEOUT_MS} ms` : (error as Error).message
		throw unavailable(reason)
	}
	let subject: AresSubject | null
	if (response.status === 404) {
		await response.body?.cancel()
		subject = null
	} else if (!response.ok) {
		await response.body?.cancel()
		throw unavailable(`HTTP ${response.status}`)
	} else {
		let body: unknown
		try {
			body = await response.json()
		} catch {
			throw unavailable('the answer is not JSON')
		}
		const parsed = AresResponseSchema.safeParse(body)
		if (!parsed.success) throw unavailable('the answer is not an economic subject')
		const data = parsed.data
		const code = data.pravniForma ?? ''
		subject = {
			ico: normalizeIco(data.ico) ?? normalized,
			name: data.obchodniJmeno,
			legalForm: { code, name: code ? legalFormName(code) : '' },
			seat: {
				text: data.sidlo?.textovaAdresa ?? '',
				...(data.sidlo?.nazevObce ? { municipality: data.sidlo.nazevObce } : {}),
				...(formatPostalCode(data.sidlo?.psc) ? { postalCode: formatPostalCode(data.sidlo?.psc) } : {}),
			},
			...(data.dic ? { dic: data.dic } : {}),
		}
	}
	if (state.cache.size >= CACHE_SIZE) state.cache.delete(state.cache.keys().next().value!)
	state.cache.set(key, { subject, expiresAt: Date.now() + (subject ? FOUND_TTL_MS : NOT_FOUND_TTL_MS) })
	return subject
}
