// Issue 19: every office page speaks the clerk's language. The demo admin (and the demo clerk, who
// sees the agendas) walk every office route — list pages, and for each detail route the first record
// linked from its list — and the visible text may hold no ISO date, no UUID and no raw code (enum
// value, audit event name, instalment code). The pages are the office routes of server/cross-town.test.ts.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { signInStaff } from './staff-sign-in'
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
const CODE = /(?<![\w@.-])[a-z]+(?:_[a-z]+)+\b|(?<![\w@/.-])[a-z]+\.[a-z]+_[a-z_]+\b|(?<![\w@/.-])(?:form|claim|payment|submission|staff|bank|fee|board|grant|message|refund|gateway|auth)\.[a-z]+(?![\w.-])/
/** Raw single-word values of the office's enums; in Czech text none of them is a word. */
const RAW_WORDS = ['waste', 'dog', 'open', 'paid', 'pending', 'cancelled', 'succeeded', 'failed', 'draft', 'published', 'submitted', 'delivered', 'assigned', 'resolved', 'rejected', 'clerk', 'admin', 'planned', 'posted', 'expired', 'queued', 'running', 'refunded', 'exempt', 'card', 'transfer']
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

for (const email of ['spravce@veseli.example', 'referent@veseli.example']) {
	test(`${email} reads every office page without ISO dates, UUIDs or raw codes`, async ({ page, visit, expectAccessible, watch }) => {
		test.setTimeout(900_000)
		await visit(urlOn('veseli', '/urad/prihlaseni'))
		await signInStaff(page, email, expectAccessible)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Přehled')
		await expectAccessible()
		const problems: string[] = []
		const details: string[] = []
		const read = async (path: string) => {
			const url = urlOn('veseli', path)
			// A page the role may not open answers 403: not this test's business (cross-town.test.ts checks access).
			watch.expectedErrorUrls.add(url)
			const response = await page.goto(url)
			await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible()
			await expectAccessible()
			if (response?.status() !== 200) return false
			for (const problem of rawValues(await visibleText(page))) {
				problems.push(`${path}: ${problem}`)
				console.log(`RAW ${email} ${path}: ${problem}`)
			}
			return true
		}
		for (const path of LIST_PAGES) {
			if (!(await read(path))) continue
			const hrefs = await page.locator('main a[href^="/urad/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
			for (const { list, link } of DETAIL_PAGES) {
				const detail = list === path ? hrefs.find((href) => link.test(href)) : undefined
				if (detail) details.push(detail)
			}
		}
		for (const path of details) await read(path)
		expect(problems, problems.join('\n')).toEqual([])
	})
}
