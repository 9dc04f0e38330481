// Checks for pages seen on a phone (issue 16, "Mobile and small screens"): nothing scrolls sideways
// and every control is a target of at least 24×24 CSS px (WCAG 2.2, 2.5.8). Soft checks: one run
// names every page that does not fit, and the test still fails.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

export const PHONE = { width: 390, height: 844 } as const
/** The narrowest phones still sold (and a 1280 px screen zoomed to 400 %, WCAG 1.4.10 reflow). */
export const NARROW_PHONE = { width: 320, height: 640 } as const

/** The page is no wider than the window; on failure, names the elements that stick out. */
export async function expectNoSideScroll(page: Page) {
	const found = await page.evaluate(() => {
		const width = window.innerWidth
		const sticksOut = (element: Element) => {
			const box = element.getBoundingClientRect()
			return box.width > 0 && box.right > width + 0.5
		}
		// The innermost elements that stick out: none of their children does.
		const culprits = [...document.body.querySelectorAll('*')]
			.filter((element) => sticksOut(element) && ![...element.children].some(sticksOut))
			.slice(0, 5)
			.map(
				(element) =>
					`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ${Math.round(element.getBoundingClientRect().right)} px`,
			)
		return { scrollWidth: document.documentElement.scrollWidth, width, culprits }
	})
	expect
		.soft(found.scrollWidth, `${page.url()} scrolls sideways at ${found.width} px; sticking out: ${found.culprits.join(', ')}`)
		.toBeLessThanOrEqual(found.width)
}

/** Buttons, checkboxes, radios and menu toggles the user can see are at least 24×24 CSS px. */
export async function expectTargetSizes(page: Page) {
	const small = await page.evaluate(() =>
		[...document.querySelectorAll('button, summary, input[type=checkbox], input[type=radio], input[type=submit]')]
			.filter((element) => element.checkVisibility())
			.map((element) => ({ element, box: element.getBoundingClientRect() }))
			.filter(({ box }) => box.width < 24 || box.height < 24)
			.map(
				({ element, box }) =>
					`${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
			),
	)
	expect.soft(small, `targets smaller than 24×24 CSS px on ${page.url()}`).toEqual([])
}

/** Both checks, for the page as it is now. */
export async function expectFitsPhone(page: Page) {
	await expectNoSideScroll(page)
	await expectTargetSizes(page)
}
