import { checkSvg, type SvgProblem } from './check-svg.server'

// The coat of arms' checks, shared by `tenant apply` (a file beside the blueprint), the onboarding
// wizard and the settings pages (an upload): at most 512 kB, a real PNG, or an SVG that runs nothing
// and fetches nothing (check-svg.server.ts says what is refused and why).
export const MAX_LOGO_BYTES = 512 * 1024

export type LogoCheck =
	| { ok: true; type: 'image/svg+xml' | 'image/png' }
	| { ok: false; problem: 'too_large' | 'not_png' | 'wrong_type' }
	| { ok: false; problem: 'unsafe_svg'; svgProblem: SvgProblem; detail: string }

export function checkLogo(fileName: string, bytes: Buffer): LogoCheck {
	if (bytes.length > MAX_LOGO_BYTES) return { ok: false, problem: 'too_large' }
	const lower = fileName.toLowerCase()
	if (lower.endsWith('.png')) {
		return bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) ? { ok: true, type: 'image/png' } : { ok: false, problem: 'not_png' }
	}
	if (lower.endsWith('.svg')) {
		const checked = checkSvg(bytes.toString('utf8'))
		return checked.ok ? { ok: true, type: 'image/svg+xml' } : { ok: false, problem: 'unsafe_svg', svgProblem: checked.problem, detail: checked.detail }
	}
	return { ok: false, problem: 'wrong_type' }
}

/** The error code a form shows at the logo field (a key of platform-health onboarding.errors). */
export function logoErrorCode(checked: Exclude<LogoCheck, { ok: true }>) {
	return checked.problem === 'unsafe_svg' ? `logo_unsafe_svg_${checked.svgProblem}` : `logo_${checked.problem}`
}

/** The same refusal in English for the CLI and blueprint files. */
export const SVG_PROBLEM_TEXT: Record<SvgProblem, string> = {
	not_svg: 'is not a well-formed SVG file',
	doctype: 'has a DOCTYPE or entity declarations (not allowed: they can expand or read other files)',
	script: 'contains a script',
	event_handler: 'has an event handler attribute (on…)',
	foreign_object: 'contains a foreignObject (HTML inside the SVG)',
	embedded_content: 'embeds other content (iframe, object, embed, audio or video)',
	javascript_url: 'has a javascript: link',
	external_reference: 'refers to something outside the file (only #fragments and inline PNG/JPEG images are allowed)',
}
