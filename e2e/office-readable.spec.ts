// Issue 19: every office page speaks the clerk's language. The demo admin walks every office route (list
// pages, and for each detail route the first record linked from its list), and the visible text may
// hold no ISO date, no UUID and no raw code (enum value, audit event name, instalment code). The
// pages are the office routes of server/cross-town.test.ts.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'otplib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../app/modules/staff/demo-staff'
import { urlOn } from './urls'

/** Office pages with a fixed address. */
const LIST_PAGES = [
	'/urad',
	'/urad/audit',
	'/urad/uzivatele',
	'/urad/podani',
	'/urad/zpravy',
	'/urad/zpravy/sablony',
	'/urad/formulare',
	'/urad/formulare/novy',
	'/urad/poplatky/pravidla',
	'/urad/poplatky/generovani',
	'/urad/poplatky/import-povinnosti',
	'/urad/poplatky/obyvatele',
	'/urad/poplatky/predpisy',
	'/urad/poplatky/zastoupeni',
	'/urad/banka',
	'/urad/banka/nesparovane',
	'/urad/platby',
	'/urad/platebni-brany',
	'/urad/sms',
	'/urad/dlazdice',
	'/urad/pravni-stranky',
	'/urad/statistiky',
	'/urad/uredni-deska',
	'/urad/uredni-deska/nova',
	'/urad/dotace',
	'/urad/heslo',
	'/urad/profil',
	'/urad/dvoufaktor',
]

/** Detail routes: the list that links to them and the shape of the link. */
const DETAIL_PAGES: { list: string; link: RegExp }[] = [
	{ list: '/urad/podani', link: /^\/urad\/podani\/(?!export)[^/?]+$/ },
	{ list: '/urad/zpravy', link: /^\/urad\/zpravy\/[0-9a-f-]{36}$/ },
	{ list: '/urad/formulare', link: /^\/urad\/formulare\/[a-z0-9-]+$/ },
	{ list: '/urad/poplatky/obyvatele', link: /^\/urad\/poplatky\/obyvatele\/[^/?]+$/ },
	{ list: '/urad/poplatky/predpisy', link: /^\/urad\/poplatky\/predpisy\/[^/?.]+$/ },
	{ list: '/urad/banka/nesparovane', link: /^\/urad\/banka\/pohyb\/[^/?]+$/ },
	{ list: '/urad/platby', link: /^\/urad\/platby\/[^/?.]+$/ },
	{ list: '/urad/uredni-deska', link: /^\/urad\/uredni-deska\/(?!nova)[^/?]+$/ },
	{ list: '/urad/dotace', link: /^\/urad\/dotace\/zadost\/[^/?]+$/ },
]

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}[^\s]*)?\b/
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i
/** snake_case codes (in_progress, needs_info, partially_refunded) and dotted event names (bank.movement_matched). */
const CODE =
	/(?<![\w@.-])[a-z]+(?:_[a-z]+)+\b|(?<![\w@/.-])[a-z]+\.[a-z]+_[a-z_]+\b|(?<![\w@/.-])(?:form|claim|payment|submission|staff|bank|fee|board|grant|message|refund|gateway|auth)\.[a-z]+(?![\w.-])/
/** Raw single-word values of the office's enums; in Czech text none of them is a word. */
const RAW_WORDS = [
	'waste',
	'dog',
	'open',
	'paid',
	'pending',
	'cancelled',
	'succeeded',
	'failed',
	'draft',
	'published',
	'submitted',
	'delivered',
	'assigned',
	'resolved',
	'rejected',
	'clerk',
	'admin',
	'planned',
	'posted',
	'expired',
	'queued',
	'running',
	'refunded',
	'exempt',
	'card',
	'transfer',
]
const RAW_WORD = new RegExp(`(?<![\\w@/.-])(?:${RAW_WORDS.join('|')})(?![\\w@/.-])`)
/** An instalment as its code (2027/1) instead of "1. splátka". */
const INSTALMENT_CODE = /(?<![\d/.])20\d\d\/\d{1,2}(?![\d/])/

/**
 * What the clerk reads: the page's text, without e-mail addresses and web addresses (which are what
 * they are), and without code samples (<code>, <pre>: a CSV's column names, the advanced JSON).
 */
async function visibleText(page: Page) {
	let text = await page.locator('body').innerText()
	for (const sample of await page.locator('code, pre').allInnerTexts()) text = text.replace(sample, ' ')
	return text.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ')
}

function rawValues(text: string) {
	const found: string[] = []
	for (const [name, pattern] of [
		['ISO date', ISO_DATE],
		['UUID', UUID],
		['code', CODE],
		['raw value', RAW_WORD],
		['instalment code', INSTALMENT_CODE],
	] as const) {
		const match = pattern.exec(text)
		if (match) found.push(`${name} "${match[0]}" in …${text.slice(Math.max(0, match.index - 60), match.index + 60).replaceAll('\n', ' ')}…`)
	}
	return found
}

const ADMIN = 'spravce@veseli.example'
/** The demo clerk works the agendas (submissions, payments, board, grants) the admin's role does not open. */
const CLERK = 'referent@veseli.example'
const stateFile = (email: string) => join(tmpdir(), `office-readable-${process.env.E2E_PORT ?? '3100'}-${email.split('@')[0]}.json`)
const STATE_FILE = stateFile(ADMIN)
const AGENDA_PAGES = [
	'/urad/podani',
	'/urad/zpravy',
	'/urad/poplatky/obyvatele',
	'/urad/poplatky/predpisy',
	'/urad/poplatky/zastoupeni',
	'/urad/banka',
	'/urad/banka/nesparovane',
	'/urad/platby',
	'/urad/uredni-deska',
	'/urad/dotace',
]

// One sign-in (password and TOTP) for the whole file; every page is its own test with its own time
// budget, so a slow machine fails one page, not the walk. The signed-in browser state is reused.
test.beforeAll(async ({ browser }) => {
	// Two sign-ins with the TOTP step, on a shared machine.
	test.setTimeout(180_000)
	for (const email of [ADMIN, CLERK]) {
		const file = stateFile(email)
		// An explicitly empty state: Playwright gives a context made here the options of the file's first
		// test, storageState included, so without this the clerk's context would start with the admin's
		// cookie just saved (signed in, /urad/prihlaseni sends it on to "Přehled" and the sign-in form never
		// comes).
		const context = await browser.newContext({ storageState: { cookies: [], origins: [] } })
		const page = await context.newPage()
		await page.goto(urlOn('veseli', '/urad/prihlaseni'))
		await page.getByLabel('E-mail').fill(email)
		await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD)
		await page.getByRole('button', { name: 'Přihlásit se' }).click()
		await expect(page).toHaveURL(/\/urad\/overeni/)
		await page.getByLabel('Ověřovací kód').fill(await generate({ secret: DEMO_TOTP_SECRET }))
		await page.getByRole('button', { name: 'Ověřit' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await expect(page.getByTestId('office-person')).toContainText(email === ADMIN ? 'Tomáš Správce' : 'Petra Referentová')
		// Written whole (rename): another worker never reads half a file.
		const partial = `${file}.${process.pid}`
		await context.storageState({ path: partial })
		renameSync(partial, file)
		await context.close()
	}
})

/** Opens a page (axe-checked), and returns its raw values; a page the role may not open (403) has none. */
async function read(page: Page, watch: { expectedErrorUrls: Set<string> }, expectAccessible: () => Promise<void>, path: string) {
	const url = urlOn('veseli', path)
	watch.expectedErrorUrls.add(url)
	const response = await page.goto(url)
	await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible()
	await expectAccessible()
	if (response?.status() !== 200) return []
	return rawValues(await visibleText(page))
}

test.describe('the demo admin reads the office without ISO dates, UUIDs or raw codes', () => {
	test.use({ storageState: STATE_FILE })
	test.describe.configure({ mode: 'parallel' })

	for (const path of LIST_PAGES) {
		test(path, async ({ page, watch, expectAccessible }) => {
			test.slow()
			expect(await read(page, watch, expectAccessible, path)).toEqual([])
		})
	}

	for (const { list, link } of DETAIL_PAGES) {
		test(`the first record linked from ${list}`, async ({ page, watch, expectAccessible }) => {
			test.slow()
			await read(page, watch, expectAccessible, list)
			const hrefs = await page.locator('main a[href^="/urad/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
			const detail = hrefs.find((href) => link.test(href))
			test.skip(!detail, `the demo has no record linked from ${list}`)
			expect(await read(page, watch, expectAccessible, detail!), detail).toEqual([])
		})
	}
})

test.describe('the demo clerk reads the agenda pages without ISO dates, UUIDs or raw codes', () => {
	test.use({ storageState: stateFile(CLERK) })
	test.describe.configure({ mode: 'parallel' })

	for (const path of AGENDA_PAGES) {
		test(path, async ({ page, watch, expectAccessible }) => {
			test.slow()
			expect(await read(page, watch, expectAccessible, path)).toEqual([])
			const links = DETAIL_PAGES.find((detail) => detail.list === path)
			if (!links) return
			const hrefs = await page.locator('main a[href^="/urad/"]').evaluateAll((found) => found.map((a) => a.getAttribute('href') ?? ''))
			const detail = hrefs.find((href) => links.link.test(href))
			if (detail) expect(await read(page, watch, expectAccessible, detail), detail).toEqual([])
		})
	}
})

test.describe('the office header on a tablet', () => {
	test.use({ storageState: STATE_FILE, viewport: { width: 768, height: 1024 } })

	test('its own header: the town, the office navigation by agenda, the signed-in person and sign-out; no citizen login', async ({ page, visit }) => {
		test.slow()
		await visit(urlOn('veseli', '/urad'))
		const banner = page.getByRole('banner')
		await expect(banner).toContainText('Pracoviště úřadu')
		await expect(banner.getByRole('link', { name: 'Přihlásit se' })).toHaveCount(0)
		const nav = page.getByRole('navigation', { name: 'Navigace úřadu' })
		for (const group of ['Podání a zprávy', 'Poplatky a platby', 'Správa']) await expect(nav.getByRole('list', { name: group })).toBeVisible()
		await expect(nav.getByRole('link', { name: 'Pravidla poplatků' })).toBeVisible()
		await expect(page.getByTestId('office-person')).toHaveText('Přihlášen(a): Tomáš Správce')
		await expect(page.getByRole('button', { name: 'Odhlásit se' })).toBeVisible()
		// Nothing sticks out sideways at 768 px.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)
	})
})
