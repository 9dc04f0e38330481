// Cross-town probe over real HTTP (the built server): a member of staff signed in at Veselí presents
// that session cookie to every office route of Znojmo and to the vendor console, and a vendor's
// cookie is presented to a town. None of them opens anything: a redirect to the sign-in or a 404.
// The same for a citizen logged in at Veselí through the NIA simulator: every route file of the app is
// either probed with that cookie at Znojmo or named below as not a citizen route.
import { readdirSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT, sql } from '../tests/db'
import { createStaffMember, TEST_PASSWORD, TEST_TOTP_SECRET } from '../tests/staff'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { createVendor } from '../app/modules/platform-auth/create-vendor.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { generate } from 'otplib'
import { createScratchDatabase, ensureBuild, findFreePort, startServer, uniqueDatabaseName, waitFor, get, type ServerProcess } from '../scripts/built-server'
import { loginThroughSimulator, parseAutoPostForm, type NiaSimulator } from '../simulators/nia'
import { startTestNia } from '../tests/nia'
import { registerDemoTownsWithNia } from './demo-nia'
import { setPublicOrigin } from '../app/modules/tenancy/town-origin.server'

let server: ServerProcess
let database: Awaited<ReturnType<typeof createScratchDatabase>>
let veseliCookie: string
let vendorCookie: string
let nia: NiaSimulator
let citizenCookie: string

const VESELI = () => `veseli.localhost:${server.port}`
const ZNOJMO = () => `znojmo.localhost:${server.port}`
const PLATFORM = () => `admin.localhost:${server.port}`

type Answer = { status: number; location: string | undefined; setCookie: string[]; body: string }

/** One request over real HTTP to the built server, addressed to a host, with a cookie and a form body. */
function send(host: string, pathName: string, { method = 'GET', cookie, form }: { method?: string; cookie?: string; form?: Record<string, string> } = {}) {
	const body = form ? new URLSearchParams(form).toString() : undefined
	return new Promise<Answer>((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: server.port,
				path: pathName,
				method,
				agent: false,
				headers: {
					host,
					...(cookie ? { cookie } : {}),
					...(body ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: `http://${host}` } : {}),
				},
			},
			(response) => {
				let text = ''
				response.setEncoding('utf8')
				response.on('data', (chunk: string) => (text += chunk))
				response.on('end', () => {
					const setCookie = response.headers['set-cookie'] ?? []
					resolve({ status: response.statusCode ?? 0, location: response.headers.location, setCookie, body: text })
				})
			},
		)
		request.on('error', reject)
		request.setTimeout(10_000, () => request.destroy(new Error(`${method} ${host}${pathName}: no answer`)))
		request.end(body)
	})
}

const cookieFrom = (answer: Answer, name: string) => answer.setCookie.map((value) => value.split(';')[0]!).find((pair) => pair.startsWith(`${name}=`))!

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_cross_town'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	for (const slug of ['veseli-nad-moravou', 'znojmo']) {
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', slug)), actor: 'test' })
	}
	const [veseli] = await sql<{ id: string }>(`SELECT id FROM platform.tenant WHERE slug = 'veseli-nad-moravou'`)
	await createStaffMember(
		{ tenant: { id: veseli.id, slug: 'veseli-nad-moravou' } },
		{ email: 'referent@veseli.test', roles: ['clerk', 'auditor'], name: 'Petra Veselská' },
	)
	await createVendor({ email: 'vendor@cross.test', name: 'Věra Dodavatelová', password: TEST_PASSWORD, actor: 'test', totpSecret: TEST_TOTP_SECRET })

	// Both towns registered with a NIA simulator of this test, as the demo registers them with its own;
	// their ACS addresses name the port, so the port is chosen before the server starts.
	nia = (await startTestNia()).nia
	const port = await findFreePort()
	setPublicOrigin({ scheme: 'http', port })
	await registerDemoTownsWithNia({ simulator: nia, pool: getPool(), logger: pino({ level: 'silent' }) }).finally(() => setPublicOrigin(null))

	server = await startServer({ port, env: { DATABASE_URL: database.url, PLATFORM_HOST: 'admin.localhost' } })
	await waitFor(async () => ((await get(server.port, { path: '/readyz' })).status === 200 ? true : undefined), { what: 'readyz 200' })

	const login = await send(VESELI(), '/urad/prihlaseni', { method: 'POST', form: { email: 'referent@veseli.test', password: TEST_PASSWORD } })
	expect(login).toMatchObject({ status: 302, location: '/urad' })
	veseliCookie = cookieFrom(login, 'portal_session')

	const vendorPassword = await send(PLATFORM(), '/platform/prihlaseni', { method: 'POST', form: { email: 'vendor@cross.test', password: TEST_PASSWORD } })
	const vendorCode = await send(PLATFORM(), '/platform/overeni', {
		method: 'POST',
		cookie: cookieFrom(vendorPassword, 'portal_vendor'),
		form: { code: await generate({ secret: TEST_TOTP_SECRET }) },
	})
	expect(vendorCode).toMatchObject({ status: 302, location: '/platform' })
	vendorCookie = cookieFrom(vendorCode, 'portal_vendor')

	// Jana Nováková logs in at Veselí as a browser would: the town sends her to NIA, NIA's page posts
	// the answer back to the town's ACS, which sets the session cookie.
	const start = await send(VESELI(), '/auth/nia/login?zpet=%2Fprofil')
	expect(start.status).toBe(302)
	expect(start.location).toMatch(new RegExp(`^${nia.url}/`))
	const answer = await loginThroughSimulator({ request: start.location!, persona: 'jana-novakova' })
	expect(answer.action).toBe(`http://${VESELI()}/auth/nia/acs`)
	const acs = await send(VESELI(), '/auth/nia/acs', { method: 'POST', form: answer.fields })
	expect(acs.status).toBe(200)
	// The ACS page hands the answer on from the town's own origin, with the cookie the login start left.
	const handover = parseAutoPostForm(acs.body)
	expect(handover.action).toBe('/auth/nia/dokonceni')
	const done = await send(VESELI(), handover.action, { method: 'POST', form: handover.fields, cookie: cookieFrom(start, 'portal_nia_login') })
	expect(done).toMatchObject({ status: 303, location: '/profil' })
	citizenCookie = cookieFrom(done, 'portal_session')
}, 120_000)

afterAll(async () => {
	await server?.stop()
	await nia?.close()
	await database?.drop()
})

const PROTECTED_PAGES = [
	'/urad',
	'/urad/uzivatele',
	'/urad/audit',
	'/urad/podani',
	'/urad/podani/export',
	'/urad/formulare',
	'/urad/formulare/prihlaseni-psa',
	'/urad/formulare/export?formular=dog-registration&verze=1',
	'/urad/poplatky/pravidla',
	'/urad/poplatky/predpisy',
	'/urad/poplatky/predpisy.csv',
	'/urad/poplatky/generovani',
	'/urad/poplatky/import-povinnosti',
	'/urad/poplatky/obyvatele',
	'/urad/poplatky/zastoupeni',
	'/urad/banka',
	'/urad/banka/nesparovane',
	'/urad/banka/pohyb/00000000-0000-4000-8000-000000000000',
	'/urad/platby',
	'/urad/platby.csv',
	'/urad/platby/00000000-0000-4000-8000-000000000000',
	'/urad/platebni-brany',
	'/urad/sms',
	'/urad/formulare/novy',
	'/urad/audit?strana=2',
	'/urad/heslo',
	'/urad/profil',
	'/urad/dvoufaktor',
	'/urad/overeni',
]

describe('a staff session is good only in its own town', () => {
	test('the cookie opens the office at Veselí (the probe below would prove nothing otherwise)', async () => {
		for (const page of ['/urad', '/urad/audit']) {
			const answer = await send(VESELI(), page, { cookie: veseliCookie })
			expect(answer.status, page).toBe(200)
			expect(answer.body).toContain('Petra Veselská')
		}
	})

	test.each(PROTECTED_PAGES)('at Znojmo, %s with the Veselí cookie redirects to the sign-in and shows nothing of the account', async (page) => {
		const answer = await send(ZNOJMO(), page, { cookie: veseliCookie })
		expect(answer.status).toBe(302)
		expect(answer.location).toMatch(/^\/urad\/prihlaseni(\?|$)/)
		expect(answer.body).not.toContain('Petra Veselská')
	})

	test('at Znojmo, the link pages are 404 and the public sign-in pages show no one signed in', async () => {
		for (const page of ['/urad/pozvanka/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/urad/obnova-hesla/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
			expect((await send(ZNOJMO(), page, { cookie: veseliCookie })).status, page).toBe(404)
		}
		for (const page of ['/urad/prihlaseni', '/urad/zapomenute-heslo']) {
			const answer = await send(ZNOJMO(), page, { cookie: veseliCookie })
			expect(answer.status, page).toBe(200)
			expect(answer.body).not.toContain('Petra Veselská')
			expect(answer.body).not.toContain('Odhlásit se')
		}
	})

	test('at Znojmo, the POST endpoints do nothing for the Veselí cookie, and the Veselí session survives them', async () => {
		expect(await send(ZNOJMO(), '/urad/session', { method: 'POST', cookie: veseliCookie, form: {} })).toMatchObject({ status: 401 })
		expect(await send(ZNOJMO(), '/urad/odhlasit-vsude', { method: 'POST', cookie: veseliCookie, form: {} })).toMatchObject({
			status: 302,
			location: expect.stringMatching(/^\/urad\/prihlaseni/),
		})
		const invite = await send(ZNOJMO(), '/urad/uzivatele', {
			method: 'POST',
			cookie: veseliCookie,
			form: { intent: 'invite', email: 'x@znojmo.test', name: 'Vetřelec', roles: 'admin' },
		})
		expect(invite).toMatchObject({ status: 302, location: expect.stringMatching(/^\/urad\/prihlaseni/) })
		expect(await sql(`SELECT 1 FROM tenant_znojmo.staff_user WHERE email = 'x@znojmo.test'`)).toHaveLength(0)
		expect((await send(VESELI(), '/urad', { cookie: veseliCookie })).status).toBe(200)
	})

	test('on the platform host, the town cookie opens nothing: the console asks for a vendor sign-in', async () => {
		for (const page of ['/platform', '/platform?strana=2', '/platform/overeni', '/platform/obce/nova', '/platform/obce/znojmo/nastaveni/contact']) {
			const answer = await send(PLATFORM(), page, { cookie: veseliCookie })
			expect(answer.status, page).toBe(302)
			expect(answer.location, page).toMatch(/^\/platform\/prihlaseni/)
		}
		// Office paths do not exist there at all.
		expect(await send(PLATFORM(), '/urad', { cookie: veseliCookie })).toMatchObject({ status: 302, location: '/platform' })
	})

	test("a vendor's cookie opens the console but nothing in a town", async () => {
		const console = await send(PLATFORM(), '/platform', { cookie: vendorCookie })
		expect(console.status).toBe(200)
		expect(console.body).toContain('veseli-nad-moravou')
		for (const page of ['/urad', '/urad/audit']) {
			const answer = await send(VESELI(), page, { cookie: vendorCookie })
			expect(answer.status, page).toBe(302)
			expect(answer.location, page).toMatch(/^\/urad\/prihlaseni/)
		}
		// And /platform on a town host is not the console.
		expect((await send(VESELI(), '/platform', { cookie: vendorCookie })).status).toBe(404)
		expect((await send(VESELI(), '/platform/obce/nova', { cookie: vendorCookie })).status).toBe(404)
		expect((await send(VESELI(), '/platform/obce/znojmo/nastaveni/contact', { cookie: vendorCookie })).status).toBe(404)
	})
})

// Every file in app/routes/ is accounted for here: a citizen route is probed with the Veselí citizen
// cookie at Znojmo (CITIZEN_PROBES); anything else is named, with the reason it is not a citizen route.
// A new route file that is in neither list fails the first test below.
const ROUTE_FILE = /\.tsx?$/
const NOT_CITIZEN_ROUTES: Record<string, string> = {
	'_index.tsx': 'public page (probed below: shows no one logged in)',
	'$.tsx': 'public 404 page (probed below)',
	'auth.nia.chyba.tsx': 'public page: a failed login (probed below)',
	'auth.nia.odhlaseno.tsx': 'public page: logged out (probed below)',
	'auth.nia.acs.ts': "NIA's signed answer: only handed on to auth.nia.dokonceni by a page of the town's origin",
	'auth.nia.dokonceni.ts':
		'a session comes only from a valid SAMLResponse to a login this browser started (app/modules/nia/nia-login*.test.ts, server/nia-login-security.test.ts)',
	'auth.nia.logout-return.ts': "NIA's logout answer: changes nothing, redirects to the logged-out page",
	'auth.nia.metadata.ts': "public: the town's SP metadata",
	'brand.logo.ts': "public: the town's coat of arms",
	'api.records.status.ts':
		"server to server: the records system's status callback, authenticated by the town's HMAC secret only (server/records-delivery.test.ts)",
	'locales.$lng.$ns.ts': 'public: translations',
	'api.payments.$provider.$endpoint.ts':
		"server to server: a gateway's notification (GoPay's unsigned GET, only the status re-queried with the town's own credentials counts) or webhook (Stripe's, verified with the town's own signing secret) (app/modules/payments/gopay-card-payment.test.ts, stripe-card-payment.test.ts)",
	'formulare._index.tsx': 'public page: the form catalogue (probed below)',
	'formulare.odeslano.tsx': 'public page: the number of an anonymous submission, from the query string (probed below)',
	'urad.tsx': 'office: staff only (probed above with a staff cookie)',
	'urad._index.tsx': 'office',
	'urad.audit.tsx': 'office',
	'urad.dvoufaktor.tsx': 'office',
	'urad.heslo.tsx': 'office',
	'urad.profil.tsx': "office: the staff member's own profile (language of office e-mails)",
	'urad.obnova-hesla.$token.tsx': 'office',
	'urad.odhlaseni.ts': 'office',
	'urad.odhlasit-vsude.ts': 'office',
	'urad.overeni.tsx': 'office',
	'urad.pozvanka.$token.tsx': 'office',
	'urad.prihlaseni.tsx': 'office',
	'urad.session.ts': 'office',
	'urad.uzivatele.tsx': 'office',
	'urad.zapomenute-heslo.tsx': 'office',
	'urad.podani._index.tsx': 'office: clerk inbox (agenda isolation in app/modules/inbox/inbox-routes.test.ts)',
	'urad.podani.$id.tsx': 'office',
	'urad.podani.$id.priloha.$attachmentId.ts': 'office',
	'urad.podani.export.ts': 'office',
	'urad.formulare.tsx': 'office: form builder (admins)',
	'urad.formulare.export.ts': 'office',
	'urad.formulare_.$code.tsx': 'office: visual form builder (admins)',
	'urad.formulare_.novy.tsx': 'office: a blank new form (admins)',
	'urad.poplatky.pravidla.tsx': 'office: fee rules (admins edit, staff read)',
	'urad.poplatky.generovani.tsx': 'office: claim generation (admins)',
	'urad.poplatky.import-povinnosti.tsx': 'office: obligations and claims CSV import',
	'urad.poplatky.obyvatele.tsx': 'office: residents',
	'urad.poplatky.obyvatele_.$id.tsx': 'office',
	'urad.poplatky.predpisy.tsx': 'office: claims list',
	'urad.poplatky.predpisy[.]csv.ts': 'office',
	'urad.poplatky.predpisy_.$id.tsx': 'office',
	'urad.poplatky.zastoupeni.tsx': 'office: representation confirmations',
	'urad.banka._index.tsx': 'office: bank statements upload and list (payments agenda)',
	'urad.banka.nesparovane.tsx': 'office: unmatched bank payments queue',
	'urad.banka.pohyb.$id.tsx': 'office: resolving one unmatched payment',
	'urad.platby.tsx': 'office: payments list',
	'urad.platby[.]csv.ts': 'office',
	'urad.platby_.$id.tsx': 'office: payment detail and refunds (manage Payment)',
	'urad.platebni-brany.tsx': 'office: gateway credentials (admins)',
	'urad.sms.tsx': 'office: SMS gateway account (admins)',
	'platform.tsx': 'vendor console: only on the platform host (a town answers 404)',
	'platform._index.tsx': 'vendor console',
	'platform.mail.tsx': 'vendor console',
	'platform.mail_.$id.tsx': 'vendor console',
	'platform.mail_.$id_.source.ts': 'vendor console',
	'platform.odhlaseni.ts': 'vendor console',
	'platform.overeni.tsx': 'vendor console',
	'platform.prihlaseni.tsx': 'vendor console',
	'platform.statistiky.tsx': 'vendor console: counts summed over towns, no personal data',
	'platform.obce.$slug.tsx': "vendor console: one town's health (counts and states only) and the vendor's actions",
	'platform.obce.$slug_.nastaveni.$group.tsx':
		"vendor console: edit one group of a town's settings (vendor sign-in; the town is named in the path, never taken from the host)",
	'platform.tokeny.tsx': "vendor console: the vendor's own monitoring tokens",
	'platform.obce.nova.tsx': 'vendor console: onboarding wizard (creates a town; the draft is signed per vendor account)',
	'platform.obce.nova_.blueprint.ts': 'vendor console: the wizard draft as a blueprint zip (vendor sign-in; the draft is signed per vendor account)',
	'platform.health[.]json.ts': "vendor monitoring: every town's health states, behind a vendor token (401 without)",
	'ochrana-osobnich-udaju.tsx': "public page: the town's privacy notice",
	'prohlaseni-o-pristupnosti.tsx': "public page: the town's accessibility statement",
	'otevrena-data._index.tsx': 'public page: open data (no personal data: app/modules/open-data/open-data.test.ts)',
	'otevrena-data.datove-sady.$slug.ts': 'public: a dataset record of the DCAT-AP-CZ catalogue',
	'otevrena-data.katalog[.]jsonld.ts': 'public: the DCAT-AP-CZ catalogue',
	'otevrena-data.soubory.$file.ts': 'public: open-data files',
	'statistiky.tsx': 'public page: the figures the town publishes (aggregates only)',
	'statistiky[.]csv.ts': 'public: the published figures as CSV',
	'uredni-deska._index.tsx': 'public page: the official board',
	'uredni-deska.$id.tsx': 'public page: a document on the official board',
	'uredni-deska.$id_.priloha.$attachmentId.ts': "public: a board document's attachment",
	'uredni-deska.otisk.$file.ts': "public: the board's daily fingerprint",
	'uredni-deska.overeni.tsx': "public page: verifying a day's signed board fingerprint",
	'uredni-deska.overeni[.]json.ts': 'public: the same verification as JSON',
	'uredni-deska.klic.$file.ts': "public: the town's public key for the board's signatures",
	'uredni-deska[.]jsonld.ts': 'public: the OFN feed of the official board',
	'urad.dlazdice.tsx': 'office: the state portal tile (admins)',
	'urad.dlazdice_.logo.$file.ts': 'office: tile logos',
	'urad.pravni-stranky.tsx': 'office: legal pages (admins)',
	'urad.statistiky.tsx': 'office: statistics (admins, auditors)',
	'urad.statistiky[.]csv.ts': 'office',
	'urad.uredni-deska._index.tsx': 'office: official board (board agenda)',
	'urad.uredni-deska.$id.tsx': 'office',
	'urad.uredni-deska.nova.tsx': 'office',
	'dotace._index.tsx': 'public page: grant programmes and calls',
	'dotace.poskytnute.tsx': 'public page: awarded grants (open data)',
	'dotace.poskytnute[.]csv.ts': 'public: awarded grants as CSV',
	'dotace.poskytnute[.]json.ts': 'public: awarded grants as JSON',
	'urad.dotace._index.tsx': 'office: grants (grants agenda, admins, auditors, evaluators)',
	'urad.dotace.zadost.$id.tsx': 'office',
	'urad.dotace.program.novy.tsx': 'office: new grant programme (grants admins)',
	'urad.dotace.program.$id.tsx': 'office: edit and publish a grant programme version (grants admins)',
	'urad.dotace.program.$id_.poradi.tsx': "office: the evaluators' ranking of a programme (grants admins, clerks, auditors)",
	'urad.dotace.zadost.$id_.smlouva[.]pdf.ts': 'office',
	'urad.dotace.zadost.$id_.potvrzeni[.]pdf.ts': 'office',
	'urad.dotace.priloha.$id.ts': 'office: grant application attachments (grants clerks, assigned evaluators)',
	'urad.dotace.vyplaty[.]csv.ts': 'office',
	'urad.dotace.registr-smluv[.]xml.ts': 'office',
	'zaplatit._index.tsx':
		'public page: paying from a payment slip without login (same answer for any miss, limited per IP and VS: app/modules/pay-without-login/look-up-payment-slip.test.ts)',
	'zaplatit.$token.tsx': "public page: a slip's payment page behind a signed, expiring, town-bound link",
	'sledovat.$token.tsx':
		"public page: an anonymous submitter's follow-up page behind an unguessable, revocable, expiring link bound to the town's schema (app/modules/messages/followup-link.test.ts)",
	'urad.zpravy._index.tsx': 'office: messages inbox (agenda isolation in app/modules/messages/messages.integration.test.ts)',
	'urad.zpravy.$id.tsx': 'office',
	'urad.zpravy.$id.priloha.$attachmentId.ts': 'office',
	'urad.zpravy.sablony.tsx': 'office: canned replies (admins)',
	'urad.zpravy.oznameni.tsx': 'office: announcements (admins; clerks in their topics, app/modules/announcements/announcements.integration.test.ts)',
	'odhlasit-odber.$token.tsx':
		"public page: one-click unsubscribe behind an unguessable token that removes only its one subscription in the town's schema (app/modules/announcements/announcements.integration.test.ts)",
}

const TO_NIA_LOGIN = /^\/auth\/nia\/login\?zpet=/
type CitizenProbe = { file: string; method: 'GET' | 'POST'; path: string; form?: Record<string, string>; answer: { status: number; location?: RegExp } }

/** What each citizen route must answer at Znojmo to the Veselí cookie: as to anyone not logged in. */
const CITIZEN_PROBES: CitizenProbe[] = [
	{ file: 'profil._index.tsx', method: 'GET', path: '/profil', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'dotace.moje.tsx', method: 'GET', path: '/dotace/moje', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'dotace.vyzva.$callId.tsx',
		method: 'GET',
		path: '/dotace/vyzva/00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'dotace.vyzva.$callId.tsx',
		method: 'POST',
		path: '/dotace/vyzva/00000000-0000-4000-8000-000000000000',
		form: { applicantKind: 'natural' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'dotace.zadost.$id.tsx',
		method: 'GET',
		path: '/dotace/zadost/00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'dotace.zadost.$id.tsx',
		method: 'POST',
		path: '/dotace/zadost/00000000-0000-4000-8000-000000000000',
		form: { intent: 'save' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'profil._index.tsx',
		method: 'POST',
		path: '/profil',
		form: { notificationEmail: 'vetrelec@znojmo.test', notifyByEmail: 'on', preferredLocale: 'en' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'profil.export[.]json.ts', method: 'GET', path: '/profil/export.json', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'profil.telefon.tsx', method: 'GET', path: '/profil/telefon', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'profil.telefon.tsx',
		method: 'POST',
		path: '/profil/telefon',
		form: { intent: 'send-code', phone: '+420601123456' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'dotace.priloha.$id.ts',
		method: 'GET',
		path: '/dotace/priloha/00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'dotace.zadost.$id_.potvrzeni[.]pdf.ts',
		method: 'GET',
		path: '/dotace/zadost/00000000-0000-4000-8000-000000000000/potvrzeni.pdf',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'profil.export[.]pdf.ts', method: 'GET', path: '/profil/export.pdf', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'profil.zruseni.tsx', method: 'GET', path: '/profil/zruseni', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'profil.zruseni.tsx', method: 'POST', path: '/profil/zruseni', form: { confirm: 'on' }, answer: { status: 302, location: TO_NIA_LOGIN } },
	// An anonymous logout: straight to the logged-out page, no LogoutRequest to NIA for Jana's NIA session.
	{ file: 'auth.nia.logout.tsx', method: 'POST', path: '/auth/nia/logout', form: {}, answer: { status: 303, location: /^\/auth\/nia\/odhlaseno$/ } },
	{ file: 'auth.nia.logout.tsx', method: 'GET', path: '/auth/nia/logout', answer: { status: 200 } },
	{ file: 'auth.session.ts', method: 'POST', path: '/auth/session', form: {}, answer: { status: 401 } },
	// A form that needs login shows the login link to a visitor; its POST is refused outright.
	{ file: 'formulare.$code.tsx', method: 'GET', path: '/formulare/prihlaseni-psa', answer: { status: 200 } },
	{ file: 'formulare.$code.tsx', method: 'POST', path: '/formulare/prihlaseni-psa', form: { intent: 'submit' }, answer: { status: 403 } },
	{ file: 'podani._index.tsx', method: 'GET', path: '/podani', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'podani.$number.tsx', method: 'GET', path: '/podani/VES-2026-000001', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'podani.$number.tsx', method: 'POST', path: '/podani/VES-2026-000001', form: { message: 'x' }, answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'podani.$number_.pdf.ts', method: 'GET', path: '/podani/VES-2026-000001/pdf', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'platby.kartou.tsx',
		method: 'GET',
		path: '/platby/kartou?predpis=00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'platby.kartou.tsx',
		method: 'POST',
		path: '/platby/kartou',
		form: { claim: '00000000-0000-4000-8000-000000000000', provider: 'gopay' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'platby.$provider.navrat.tsx', method: 'GET', path: '/platby/gopay/navrat?id=3000000001', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'platby.$provider.navrat.tsx', method: 'GET', path: '/platby/stripe/navrat?session=cs_test_x', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'platby.potvrzeni.$paymentId.ts',
		method: 'GET',
		path: '/platby/potvrzeni/00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	// Payments: the list, a claim, the QR page and its PNG; paying a claim by QR is refused before any lookup.
	{ file: 'platby._index.tsx', method: 'GET', path: '/platby', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'platby._index.tsx',
		method: 'POST',
		path: '/platby',
		form: { intent: 'qr', predpis: '00000000-0000-4000-8000-000000000001' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'platby.$claimId.tsx', method: 'GET', path: '/platby/00000000-0000-4000-8000-000000000001', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'platby.$claimId.tsx',
		method: 'POST',
		path: '/platby/00000000-0000-4000-8000-000000000001',
		form: { intent: 'qr' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'platby.qr.$paymentId.tsx', method: 'GET', path: '/platby/qr/00000000-0000-4000-8000-000000000001', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'platby.qr.$paymentId_.qr[.]png.ts',
		method: 'GET',
		path: '/platby/qr/00000000-0000-4000-8000-000000000001/qr.png',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'podani.$number_.dokument.$documentId.ts',
		method: 'GET',
		path: '/podani/VES-2026-000001/dokument/00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'podani.$number_.priloha.$attachmentId.ts',
		method: 'GET',
		path: '/podani/VES-2026-000001/priloha/00000000-0000-4000-8000-000000000000',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'muj-prehled.tsx', method: 'GET', path: '/muj-prehled', answer: { status: 302, location: TO_NIA_LOGIN } },
	// Messages and notifications (issue 15).
	{ file: 'zpravy._index.tsx', method: 'GET', path: '/zpravy', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'zpravy.nova.tsx', method: 'GET', path: '/zpravy/nova', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'zpravy.nova.tsx',
		method: 'POST',
		path: '/zpravy/nova',
		form: { topic: 'doprava', subject: 'x', body: 'x' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'zpravy.$id.tsx', method: 'GET', path: '/zpravy/00000000-0000-4000-8000-000000000001', answer: { status: 302, location: TO_NIA_LOGIN } },
	{
		file: 'zpravy.$id.tsx',
		method: 'POST',
		path: '/zpravy/00000000-0000-4000-8000-000000000001',
		form: { body: 'x' },
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{
		file: 'zpravy.$id_.priloha.$attachmentId.ts',
		method: 'GET',
		path: '/zpravy/00000000-0000-4000-8000-000000000001/priloha/00000000-0000-4000-8000-000000000002',
		answer: { status: 302, location: TO_NIA_LOGIN },
	},
	{ file: 'oznameni.tsx', method: 'GET', path: '/oznameni', answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'oznameni.tsx', method: 'POST', path: '/oznameni', form: {}, answer: { status: 302, location: TO_NIA_LOGIN } },
	{ file: 'profil.oznameni.ts', method: 'POST', path: '/profil/oznameni', form: { pref: 'reminder.sms' }, answer: { status: 302, location: TO_NIA_LOGIN } },
	// The state portal's tile entry: not "already logged in", a new login for Znojmo.
	{ file: 'portal-obcana.ts', method: 'GET', path: '/portal-obcana', answer: { status: 302, location: TO_NIA_LOGIN } },
	// Not "already logged in, back to /profil": a new login at NIA for Znojmo.
	{
		file: 'auth.nia.login.tsx',
		method: 'GET',
		path: '/auth/nia/login?zpet=%2Fprofil',
		answer: { status: 302, location: /^http:\/\/127\.0\.0\.1:\d+\/FPSTS\// },
	},
]

const PUBLIC_PAGES = [
	{ path: '/', status: 200 },
	{ path: '/auth/nia/odhlaseno', status: 200 },
	{ path: '/auth/nia/chyba?duvod=cancelled', status: 200 },
	{ path: '/formulare', status: 200 },
	{ path: '/formulare/odeslano?cislo=ZNO-2026-000001', status: 200 },
	{ path: '/nikde', status: 404 },
]

const VESELI_SCHEMA = 'tenant_veseli_nad_moravou'

/** What the probes must not change: Jana's record and sessions at Veselí, and any citizen at Znojmo. */
async function citizenState() {
	return {
		veseliPerson: await sql(`SELECT to_jsonb(p) AS row FROM ${VESELI_SCHEMA}.person p ORDER BY id`),
		veseliSessions: await sql(`SELECT id_hash, person_id, expires_at FROM ${VESELI_SCHEMA}.session WHERE kind = 'citizen' ORDER BY id_hash`),
		veseliAudit: await sql(`SELECT id, action FROM ${VESELI_SCHEMA}.audit_log WHERE actor_id IS NOT NULL ORDER BY id`),
		znojmoPeople: await sql(`SELECT id FROM tenant_znojmo.person`),
		znojmoSessions: await sql(`SELECT id_hash FROM tenant_znojmo.session`),
		znojmoCitizenAudit: await sql(`SELECT id, action FROM tenant_znojmo.audit_log WHERE actor_id IS NOT NULL`),
	}
}

const issuesSession = (answer: Answer) => answer.setCookie.some((value) => /^portal_session=[^;]+/.test(value))

describe('a citizen session is good only in its own town', () => {
	test('every route file is probed with the citizen cookie or named as not a citizen route', () => {
		const entries = readdirSync(path.join(REPO_ROOT, 'app/routes'), { withFileTypes: true })
			// As remix.config.js ignores them; a folder route counts as a route.
			.filter((entry) => !entry.name.startsWith('.') && !/\.test\.tsx?$/.test(entry.name) && (entry.isDirectory() || ROUTE_FILE.test(entry.name)))
			.map((entry) => entry.name)
		const probed = new Set(CITIZEN_PROBES.map((probe) => probe.file))
		expect(
			entries.filter((name) => !probed.has(name) && !(name in NOT_CITIZEN_ROUTES)),
			'route files neither probed in CITIZEN_PROBES nor named in NOT_CITIZEN_ROUTES',
		).toEqual([])
		expect(
			[...probed, ...Object.keys(NOT_CITIZEN_ROUTES)].filter((name) => !entries.includes(name)),
			'listed route files that no longer exist',
		).toEqual([])
		expect(
			[...probed].filter((name) => name in NOT_CITIZEN_ROUTES),
			'probed and also named as not a citizen route',
		).toEqual([])
	})

	test('the cookie opens the profile, the export and the keep-alive at Veselí (the probe below would prove nothing otherwise)', async () => {
		const profile = await send(VESELI(), '/profil', { cookie: citizenCookie })
		expect(profile.status).toBe(200)
		expect(profile.body).toContain('Jana Nováková')
		const exported = await send(VESELI(), '/profil/export.json', { cookie: citizenCookie })
		expect(exported.status).toBe(200)
		expect(JSON.parse(exported.body).person).toMatchObject({ givenName: 'Jana', familyName: 'Nováková' })
		expect((await send(VESELI(), '/auth/session', { method: 'POST', cookie: citizenCookie, form: {} })).status).toBe(204)
	})

	test('the keep-alive moves the session last-seen time at Veselí, so "stay logged in" really keeps the session', async () => {
		await sql(`UPDATE ${VESELI_SCHEMA}.session SET last_seen_at = now() - interval '10 minutes' WHERE kind = 'citizen'`)
		expect((await send(VESELI(), '/auth/session', { method: 'POST', cookie: citizenCookie, form: {} })).status).toBe(204)
		const [session] = await sql<{ idle_seconds: number }>(
			`SELECT extract(epoch FROM now() - last_seen_at)::float AS idle_seconds FROM ${VESELI_SCHEMA}.session WHERE kind = 'citizen'`,
		)
		expect(session!.idle_seconds).toBeLessThan(60)
	})

	test('at Znojmo, every citizen route answers the Veselí cookie as it answers a visitor who is not logged in, and changes nothing', async () => {
		const before = await citizenState()
		expect(before.veseliPerson).toHaveLength(1)
		expect(before.veseliSessions).toHaveLength(1)
		for (const probe of CITIZEN_PROBES) {
			const what = `${probe.method} ${probe.path}`
			const answer = await send(ZNOJMO(), probe.path, { method: probe.method, cookie: citizenCookie, form: probe.form })
			expect(answer.status, what).toBe(probe.answer.status)
			if (probe.answer.location) expect(answer.location, what).toMatch(probe.answer.location)
			expect(answer.body, what).not.toMatch(/Jana|Nováková|Zámecká/)
			expect(issuesSession(answer), `${what} set a session cookie`).toBe(false)
		}
		expect(await citizenState()).toEqual(before)
	})

	test('at Znojmo, the public pages show no one logged in to the Veselí cookie', async () => {
		for (const page of PUBLIC_PAGES) {
			const answer = await send(ZNOJMO(), page.path, { cookie: citizenCookie })
			expect(answer.status, page.path).toBe(page.status)
			expect(answer.body, page.path).not.toMatch(/Jana|Nováková/)
			expect(answer.body, page.path).toContain('Přihlásit se')
			expect(answer.body, page.path).not.toContain('Můj profil')
		}
	})

	test('after all that, the Veselí session still works', async () => {
		const profile = await send(VESELI(), '/profil', { cookie: citizenCookie })
		expect(profile.status).toBe(200)
		expect(profile.body).toContain('Jana Nováková')
		expect((await send(VESELI(), '/auth/session', { method: 'POST', cookie: citizenCookie, form: {} })).status).toBe(204)
	})
})
