import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { renderQrPlatbaPng, renderQrPlatbaSvg } from './qr-image.server'
import { encodeSpayd } from './spayd'

const spayd = encodeSpayd({ iban: 'CZ6508000000192000145399', amount: 123450, variableSymbol: '2026000123', message: 'Poplatek *odpad* Čáslav' })

describe('QR platba images', () => {
	it('PNG decodes back to the same SPAYD string', async () => {
		const png = PNG.sync.read(await renderQrPlatbaPng(spayd))
		const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
		expect(code?.data).toBe(spayd)
	})
	it('SVG carries the label and no style or script', () => {
		const svg = renderQrPlatbaSvg(spayd)
		expect(svg).toContain('>QR platba</text>')
		expect(svg).not.toMatch(/style=|<script/)
	})
})
