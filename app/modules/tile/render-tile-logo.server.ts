import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { initWasm, Resvg } from '@resvg/resvg-wasm'
import type { ThemeTokens } from '../theming/tokens'

const require = createRequire(import.meta.url)

/**
 * Square PNG sizes offered for the tile. DIA's page on link tiles ("Vytvoření odkazové dlaždice v
 * Portálu občana") asks for a logo with the proposal but publishes no pixel sizes; these are the usual
 * square app-icon sizes, and the SVG scales to anything else (decision 016).
 */
export const TILE_PNG_SIZES = [512, 256, 128] as const
export type TilePngSize = (typeof TILE_PNG_SIZES)[number]

// The rasteriser is WebAssembly shipped inside the npm package: no native build, no system fonts.
let ready: Promise<void> | null = null
function initRasteriser() {
	ready ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')))
	return ready
}

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')
let fontBytes: Uint8Array | null = null

function escapeXml(value: string) {
	return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/** Up to two initials of the town's name without its "Město"/"Obec" prefix: "Veselí nad Moravou" -> "VM". */
export function townInitials(name: string) {
	const words = name
		.replace(/^(statutární\s+)?(město|obec|městys)\s+/i, '')
		.split(/\s+/)
		.filter((word) => word.length > 2 || /^\p{Lu}/u.test(word))
	const letters = words.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word[0]!)
	return (letters.length ? letters : [name[0] ?? '?']).slice(0, 2).join('').toUpperCase()
}

/**
 * The tile logo as SVG, 512 units square: the coat of arms centred on the theme's surface colour, or,
 * for a town without one, its initials in the theme's primary colours.
 */
export function tileLogoSvg({ name, logo, theme }: { name: string; logo: { bytes: Uint8Array; type: string } | null; theme: ThemeTokens }) {
	const open = '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">'
	if (logo) {
		const href = `data:${logo.type};base64,${Buffer.from(logo.bytes).toString('base64')}`
		return `${open}<title>${escapeXml(name)}</title><rect width="512" height="512" fill="${theme['color-surface']}"/><image x="48" y="48" width="416" height="416" preserveAspectRatio="xMidYMid meet" href="${href}"/></svg>`
	}
	return (
		`${open}<title>${escapeXml(name)}</title><rect width="512" height="512" fill="${theme['color-primary']}"/>` +
		`<text x="256" y="256" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="220" fill="${theme['color-primary-contrast']}">${escapeXml(townInitials(name))}</text></svg>`
	)
}

/** The SVG rasterised to a square PNG of the given size. */
export async function tileLogoPng(svg: string, size: TilePngSize) {
	await initRasteriser()
	fontBytes ??= readFileSync(FONT)
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: size },
		font: { fontBuffers: [fontBytes], defaultFontFamily: 'DejaVu Sans', loadSystemFonts: false },
	})
	try {
		return Buffer.from(resvg.render().asPng())
	} finally {
		resvg.free()
	}
}
