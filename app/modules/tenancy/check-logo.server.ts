// The coat of arms' checks, shared by `tenant apply` (a file beside the blueprint) and the
// onboarding wizard (an upload): at most 512 kB, a real PNG, or an SVG without scripts or event handlers.
export const MAX_LOGO_BYTES = 512 * 1024

export type LogoCheck = { ok: true; type: 'image/svg+xml' | 'image/png' } | { ok: false; problem: 'too_large' | 'not_png' | 'unsafe_svg' | 'wrong_type' }

export function checkLogo(fileName: string, bytes: Buffer): LogoCheck {
	if (bytes.length > MAX_LOGO_BYTES) return { ok: false, problem: 'too_large' }
	const lower = fileName.toLowerCase()
	if (lower.endsWith('.png')) {
		return bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) ? { ok: true, type: 'image/png' } : { ok: false, problem: 'not_png' }
	}
	if (lower.endsWith('.svg')) {
		const text = bytes.toString('utf8')
		return /<svg[\s>]/.test(text) && !/<script|on\w+\s*=|javascript:|<foreignObject/i.test(text) ? { ok: true, type: 'image/svg+xml' } : { ok: false, problem: 'unsafe_svg' }
	}
	return { ok: false, problem: 'wrong_type' }
}
