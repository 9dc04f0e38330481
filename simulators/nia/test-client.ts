// Drives a login through the simulator over real HTTP, the way a browser would, for tests that have no
// browser: request -> picker page -> choice -> auto-submitting form to the ACS (returned, not submitted).
import { CHOOSE_PATH } from './constants'
import type { PickerAction, ResponseFault } from './types'

export interface AutoPostForm {
	/** Where the browser would POST (the SeP's ACS or logout return URL). */
	action: string
	/** Hidden fields: SAMLResponse and, when the SeP sent one, RelayState. */
	fields: Record<string, string>
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
const unescapeHtml = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity])

/** Reads the simulator's auto-submitting form (HTTP-POST binding) from a page. Throws if there is none. */
export function parseAutoPostForm(html: string): AutoPostForm {
	const form = html.match(/<form method="post" action="([^"]*)">([\s\S]*?)<\/form>/)
	if (!form) throw new Error('the page has no POST form')
	const fields: Record<string, string> = {}
	for (const input of form[2].matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescapeHtml(input[1])] = unescapeHtml(input[2])
	return { action: unescapeHtml(form[1]), fields }
}

/** The error lines of the simulator's error page, for assertion messages. */
export function readErrorPage(html: string) {
	return [...html.matchAll(/<li lang="en">([^<]*)<\/li>/g)].map((match) => unescapeHtml(match[1]))
}

export interface LoginThroughSimulatorOptions {
	/**
	 * The AuthnRequest as the SP sends it: a Redirect-binding URL (node-saml getAuthorizeUrlAsync), or the
	 * POST-binding form target and fields (node-saml getAuthorizeMessageAsync + skipRequestCompression).
	 */
	request: string | { url: string; fields: Record<string, string> }
	/** A persona id from personas.ts; not needed for `cancel`. */
	persona?: string
	/** Default `login`. */
	action?: PickerAction
	fault?: ResponseFault
}

export async function loginThroughSimulator(options: LoginThroughSimulatorOptions): Promise<AutoPostForm> {
	const pickerResponse =
		typeof options.request === 'string'
			? await fetch(options.request, { redirect: 'manual' })
			: await fetch(options.request.url, { method: 'POST', body: new URLSearchParams(options.request.fields), redirect: 'manual' })
	const picker = await pickerResponse.text()
	if (pickerResponse.status !== 200) throw new Error(`the simulator refused the request (${pickerResponse.status}): ${readErrorPage(picker).join('; ')}`)
	const flow = picker.match(/name="flow" value="([^"]+)"/)?.[1]
	if (!flow) throw new Error('the picker page has no flow id')

	const choice = new URLSearchParams({ flow, action: options.action ?? 'login' })
	if (options.persona) choice.set('persona', options.persona)
	if (options.fault) choice.set('fault', options.fault)
	const base = typeof options.request === 'string' ? options.request : options.request.url
	const resultResponse = await fetch(new URL(CHOOSE_PATH, base), { method: 'POST', body: choice, redirect: 'manual' })
	const result = await resultResponse.text()
	if (resultResponse.status !== 200) throw new Error(`the simulator refused the choice (${resultResponse.status}): ${readErrorPage(result).join('; ')}`)
	return parseAutoPostForm(result)
}
