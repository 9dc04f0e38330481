// The ARES client against the ARES simulator over real HTTP: prefill data, 404 → null, malformed and
// impossible IČOs, ARES down or slow → ares_unavailable, the host allow-list, and the short cache.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { startAresSimulator, type AresSimulator } from '../../../simulators/ares'
import { isAppError } from '../errors/app-error'
import { allowGatewaySimulators } from '../payments/gateway-api-url.server'
import { clearAresCache, isAllowedAresApiUrl, lookupEconomicSubject, useAresApiUrl } from './ares-client.server'

let ares: AresSimulator

beforeAll(async () => {
	ares = await startAresSimulator()
	useAresApiUrl(ares.apiUrl)
})
afterEach(() => {
	ares.controls.down = false
	ares.controls.delayMs = 0
	allowGatewaySimulators(null)
	clearAresCache()
})
afterAll(async () => {
	useAresApiUrl(null)
	await ares.stop()
})

async function expectUnavailable(promise: Promise<unknown>, detail: RegExp) {
	const error = await promise.then(
		() => null,
		(caught: unknown) => caught,
	)
	expect(isAppError(error, 'ares_unavailable'), String(error)).toBe(true)
	expect(String((error as Error).message)).toMatch(detail)
}

describe('lookupEconomicSubject', () => {
	test('a spolek: name, legal form (code and name), seat with municipality and postal code', async () => {
		expect(await lookupEconomicSubject('44936109')).toEqual({
			ico: '44936109',
			name: 'TJ Sokol Veselí nad Moravou, z.s.',
			legalForm: { code: '706', name: 'Spolek' },
			seat: { text: 'Tyršova 1010/2, 69801 Veselí nad Moravou', municipality: 'Veselí nad Moravou', postalCode: '698 01' },
		})
		expect(ares.requests.at(-1)).toMatchObject({ method: 'GET', path: '/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/44936109' })
	})

	test('a company with a VAT number; a short IČO is asked for zero-padded', async () => {
		const company = await lookupEconomicSubject('27114589')
		expect(company).toMatchObject({ name: 'Moravská stavební s.r.o.', legalForm: { code: '112', name: 'Společnost s ručením omezeným' }, dic: 'CZ27114589' })
		ares.subjects.set('00006947', {
			...ares.subjects.get('27114589')!,
			ico: '00006947',
			icoId: '00006947',
			obchodniJmeno: 'Ministerstvo financí',
			pravniForma: '325',
		})
		expect(await lookupEconomicSubject('6947')).toMatchObject({
			ico: '00006947',
			name: 'Ministerstvo financí',
			legalForm: { name: 'Organizační složka státu' },
		})
		expect(ares.requests.at(-1)!.path).toMatch(/\/00006947$/)
	})

	test("an IČO ARES does not know → null (the simulator answered 404 with ARES's body)", async () => {
		const response = await fetch(`${ares.apiUrl}/ekonomicke-subjekty/12345679`)
		expect(response.status).toBe(404)
		expect(await response.json()).toMatchObject({ kod: 'NENALEZENO', subKod: 'VYSTUP_SUBJEKT_NENALEZEN' })
		expect(await lookupEconomicSubject('12345679')).toBeNull()
	})

	test('a malformed IČO gets 400 from the simulator; the client never sends one (or one with a bad checksum)', async () => {
		const response = await fetch(`${ares.apiUrl}/ekonomicke-subjekty/12ab`)
		expect(response.status).toBe(400)
		expect(await response.json()).toMatchObject({ kod: 'CHYBA_VSTUPU' })
		const before = ares.requests.length
		expect(await lookupEconomicSubject('12ab')).toBeNull()
		expect(await lookupEconomicSubject('44936108')).toBeNull()
		expect(ares.requests.length).toBe(before)
	})

	test('ARES down (503) or not answering in time → ares_unavailable; nothing cached', async () => {
		ares.controls.down = true
		await expectUnavailable(lookupEconomicSubject('22654313'), /HTTP 503/)
		ares.controls.down = false
		expect(await lookupEconomicSubject('22654313')).toMatchObject({ name: 'Spolek přátel Veselí, z. s.' })
	})

	test('a slow ARES times out (ARES_TIMEOUT_MS, 5 s by default)', async () => {
		ares.controls.delayMs = 6_000
		const started = Date.now()
		await expectUnavailable(lookupEconomicSubject('05318726'), /no answer within 5000 ms/)
		expect(Date.now() - started).toBeLessThan(5_900)
	})

	test('nothing listening → ares_unavailable', async () => {
		const other = await startAresSimulator()
		const url = other.apiUrl
		await other.stop()
		useAresApiUrl(url)
		try {
			await expectUnavailable(lookupEconomicSubject('44936109'), /fetch failed|ECONNREFUSED/)
		} finally {
			useAresApiUrl(ares.apiUrl)
		}
	})

	test('answers are cached briefly: a second lookup does not ask ARES again', async () => {
		expect(await lookupEconomicSubject('60793449')).toMatchObject({ name: 'Znojemské vinařství a.s.' })
		const before = ares.requests.length
		expect(await lookupEconomicSubject('60793449')).toMatchObject({ name: 'Znojemské vinařství a.s.' })
		expect(await lookupEconomicSubject('12345679')).toBeNull()
		expect(await lookupEconomicSubject('12345679')).toBeNull()
		expect(ares.requests.length).toBe(before + 1)
	})
})

describe('the ARES host allow-list', () => {
	test('the official base always; a loopback simulator only where simulators are allowed; never another host', async () => {
		expect(isAllowedAresApiUrl('https://ares.gov.cz/ekonomicke-subjekty-v-be/rest')).toBe(true)
		expect(isAllowedAresApiUrl('https://ares.gov.cz/ekonomicke-subjekty-v-be/rest/')).toBe(true)
		expect(isAllowedAresApiUrl('https://evil.example/ekonomicke-subjekty-v-be/rest')).toBe(false)
		expect(isAllowedAresApiUrl('http://ares.gov.cz/ekonomicke-subjekty-v-be/rest')).toBe(false)
		expect(isAllowedAresApiUrl('https://user:pw@ares.gov.cz/ekonomicke-subjekty-v-be/rest')).toBe(false)
		expect(isAllowedAresApiUrl('http://169.254.169.254/latest')).toBe(false)
		expect(isAllowedAresApiUrl(ares.apiUrl)).toBe(true)
		allowGatewaySimulators(false)
		expect(isAllowedAresApiUrl(ares.apiUrl)).toBe(false)
		const before = ares.requests.length
		await expectUnavailable(lookupEconomicSubject('44936109'), /ARES_API_URL is not the official/)
		expect(ares.requests.length).toBe(before)
	})
})
