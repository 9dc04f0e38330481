// The citizen's login through the NIA simulator the demo runs, shared by every spec that needs one.
// NIA hands the browser back with a page that submits itself at once, too fast for an accessibility
// check: holdNiaHandBack removes that script, and pickAtNia presses the page's button as a citizen
// without JavaScript would (citizen-login.spec.ts also holds the town's ACS page the same way).
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

export const NIA_SIMULATOR = /^http:\/\/127\.0\.0\.1:\d+\/FPSTS\//

/** An HTML page without its self-submitting script (NIA's hand-back and the town's ACS page). */
export function withoutAutoSubmit(body: string) {
	return body.replace(/<script nonce="[^"]*">document\.forms\[0\]\.submit\(\)<\/script>/, '')
}

/** From now on, NIA's pages in this browser tab no longer submit themselves. */
export async function holdNiaHandBack(page: Page) {
	await page.route(NIA_SIMULATOR, async (route) => {
		const response = await route.fetch()
		await route.fulfill({ response, body: withoutAutoSubmit(await response.text()) })
	})
}

/**
 * At NIA's login page: picks the persona, then continues from NIA's hand-back page (checked by axe).
 * checkPicker: check the picker page with axe too.
 */
export async function pickAtNia(page: Page, persona: string, expectAccessible: () => Promise<void>, { checkPicker = false }: { checkPicker?: boolean } = {}) {
	await expect(page).toHaveURL(NIA_SIMULATOR)
	if (checkPicker) await expectAccessible()
	await page.getByRole('button', { name: `Přihlásit jako ${persona}`, exact: false }).click()
	await expect(page).toHaveURL(NIA_SIMULATOR)
	await expectAccessible()
	await page.getByRole('button', { name: /Pokračovat/ }).click()
}
