import { readFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { resolveTheme } from '../theming/presets.server'
import { tileLogoPng, tileLogoSvg, townInitials } from './render-tile-logo.server'

describe('the tile logo for the state Portál občana', () => {
	const theme = resolveTheme('civic-blue', {})

	test('a town with a coat of arms gets it centred in a square SVG and as PNGs of exactly the asked size', async () => {
		const coat = readFileSync('tenants/veseli-nad-moravou/coat-of-arms.svg')
		const svg = tileLogoSvg({ name: 'Město Veselí nad Moravou', logo: { bytes: coat, type: 'image/svg+xml' }, theme })
		expect(svg).toContain('data:image/svg+xml;base64,')
		for (const size of [512, 128] as const) {
			const png = PNG.sync.read(await tileLogoPng(svg, size))
			expect([png.width, png.height]).toEqual([size, size])
			// The coat of arms is drawn: the centre pixel is not the background colour.
			const centre = (png.width * (png.height / 2) + png.width / 2) * 4
			expect(Array.from(png.data.subarray(centre, centre + 3))).not.toEqual([255, 255, 255])
		}
	})

	test('a town without one gets its initials on the primary colour', async () => {
		expect(townInitials('Obec Horní Dolní')).toBe('HD')
		expect(townInitials('Statutární město Znojmo')).toBe('Z')
		const svg = tileLogoSvg({ name: 'Obec Horní Dolní', logo: null, theme })
		expect(svg).toContain('>HD</text>')
		const png = PNG.sync.read(await tileLogoPng(svg, 256))
		expect([png.width, png.height]).toEqual([256, 256])
	})
})
