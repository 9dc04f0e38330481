// The one `test` every e2e spec uses. It watches each page for console errors, uncaught exceptions
// and CSP violations (the app runs a strict nonce CSP), and holds every page to WCAG 2.1 AA with axe:
// `visit()` checks the page it opens, `expectAccessible()` the page a click led to; when the test
// ends, the last page is checked if nobody did, and any other page shown without a check fails it.
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page, type Response } from '@playwright/test'

export { expect }

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING_IMPACTS = new Set(['serious', 'critical'])

type PageWatch = {
	problems: string[]
	/** Document URLs expected to answer with an error status: Chromium logs those as console errors. */
	expectedErrorUrls: Set<string>
	/** Pages (URL without the fragment) the main frame showed, and those that passed axe. */
	shown: string[]
	checked: Set<string>
}

type VisitOptions = {
	/** Expected HTTP status of the document (after redirects). Default 200. */
	status?: number
}

type Fixtures = {
	watch: PageWatch
	/** Opens a URL, checks its status, waits for hydration (if the page has scripts), runs axe. */
	visit: (url: string, options?: VisitOptions) => Promise<Response>
	/** Waits for hydration and runs axe on the page as it is now (after a click or client-side navigation). */
	expectAccessible: () => Promise<void>
}

const pageKey = (url: string) => url.split('#')[0] ?? url
const NIA_HAND_OVER = /\/auth\/nia\/acs$/

/** Waits until React has hydrated the document (Remix pages); plain server pages have nothing to hydrate. */
export async function waitForHydration(page: Page) {
	const isRemixPage = await page.evaluate(() => '__remixContext' in window)
	if (!isRemixPage) return
	await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber')), undefined, {
		timeout: 10_000,
	})
}

async function runAxe(page: Page, watch: PageWatch) {
	const url = page.url()
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
	const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
	const report = blocking
		.map((violation) => {
			const nodes = violation.nodes
				.slice(0, 5)
				.map((node) => `      ${node.target.join(' ')}\n        ${(node.failureSummary ?? '').replaceAll('\n', '\n        ')}`)
				.join('\n')
			return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`
		})
		.join('\n')
	expect(
		blocking.map((violation) => violation.id),
		`axe (WCAG 2.1 AA) found serious or critical violations on ${url}:\n${report}\n`,
	).toEqual([])
	watch.checked.add(pageKey(url))
}

export const test = base.extend<Fixtures>({
	watch: [
		async ({ page }, use) => {
			const watch: PageWatch = { problems: [], expectedErrorUrls: new Set(), shown: [], checked: new Set() }

			page.on('console', (message) => {
				if (message.type() !== 'error') return
				const source = message.location().url
				if (watch.expectedErrorUrls.has(source) && /status of [45]\d\d/.test(message.text())) return
				watch.problems.push(`console error on ${page.url()}: ${message.text()}${source ? ` (${source})` : ''}`)
			})
			page.on('pageerror', (error) => watch.problems.push(`uncaught exception on ${page.url()}: ${error.message}`))
			page.on('framenavigated', (frame) => {
				if (frame !== page.mainFrame()) return
				const key = pageKey(frame.url())
				// The town's ACS page hands NIA's answer on at once (decision 005); with JavaScript it is
				// gone before any check could run. citizen-login.spec.ts checks it with axe on the
				// no-JavaScript path, where it waits for the citizen's button.
				if (NIA_HAND_OVER.test(key)) return
				if (watch.shown.at(-1) !== key) watch.shown.push(key)
			})
			// securitypolicyviolation is a DOM event: every document reports it to the test.
			await page.exposeBinding('__e2eReportCspViolation', (_source, text: string) => {
				watch.problems.push(text)
			})
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => {
					const report = (window as unknown as { __e2eReportCspViolation: (text: string) => Promise<void> }).__e2eReportCspViolation
					const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ''
					const sample = event.sample ? ` ("${event.sample}")` : ''
					void report(`CSP violation on ${document.location.href}: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}${where}${sample}`)
				})
			})

			await use(watch)

			if (!page.isClosed() && page.url() !== 'about:blank' && !watch.checked.has(pageKey(page.url()))) {
				await waitForHydration(page)
				await runAxe(page, watch)
			}
			const unchecked = watch.shown.filter((url) => url !== 'about:blank' && !watch.checked.has(url))
			expect(unchecked, 'pages shown without an axe check (open them with visit(), or call expectAccessible())').toEqual([])
			expect(watch.problems, 'console errors, uncaught exceptions or CSP violations').toEqual([])
		},
		// Every test is watched, including one that never calls visit().
		{ auto: true },
	],

	visit: async ({ page, watch }, use) => {
		await use(async (url, { status = 200 } = {}) => {
			if (status >= 400) watch.expectedErrorUrls.add(url)
			const response = await page.goto(url)
			if (!response) throw new Error(`no response for ${url}`)
			if (status >= 400) watch.expectedErrorUrls.add(response.url())
			expect(response.status(), `HTTP status of ${response.url()}`).toBe(status)
			await waitForHydration(page)
			await runAxe(page, watch)
			return response
		})
	},

	expectAccessible: async ({ page, watch }, use) => {
		await use(async () => {
			await page.waitForLoadState()
			await waitForHydration(page)
			await runAxe(page, watch)
		})
	},
})
