import QRCode from 'qrcode'

// Graphic manual (qr-platba.cz/graficky-manual): unit T = one module, quiet zone 4T,
// thin border round the quiet zone, label "QR platba" 4T high under the border.
const QUIET = 4
const LABEL_H = 4

function escapeXml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** SVG with attributes only (no style attributes, no script), safe inline under a nonce CSP. */
export function renderQrPlatbaSvg(spayd: string, options?: { label?: string }): string {
	const qr = QRCode.create(spayd, { errorCorrectionLevel: 'M' })
	const n = qr.modules.size
	const data = qr.modules.data
	const box = n + QUIET * 2
	const label = options?.label ?? 'QR platba'
	const height = box + LABEL_H
	let path = ''
	for (let y = 0; y < n; y++) {
		for (let x = 0; x < n; x++) {
			if (data[y * n + x]) path += `M${x + QUIET} ${y + QUIET}h1v1h-1z`
		}
	}
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="-0.5 -0.5 ${box + 1} ${height + 1}" ` +
		`shape-rendering="crispEdges" role="img" aria-label="${escapeXml(label)}">` +
		`<rect x="-0.5" y="-0.5" width="${box + 1}" height="${height + 1}" fill="#fff"/>` +
		`<rect x="0" y="0" width="${box}" height="${box}" fill="none" stroke="#000" stroke-width="0.3"/>` +
		`<path d="${path}" fill="#000"/>` +
		`<text x="${QUIET}" y="${box + LABEL_H - 1}" font-family="Arial, Helvetica, sans-serif" ` +
		`font-weight="bold" font-size="${LABEL_H - 0.5}" textLength="${Math.min(16, n)}" ` +
		`lengthAdjust="spacingAndGlyphs" fill="#000">${escapeXml(label)}</text></svg>`
	)
}

/**
 * PNG of the code with the 4T quiet zone and error correction M. The text label is
 * not drawn into the bitmap (no font rasteriser among our packages); pages show the
 * label next to the image, or use the SVG.
 */
export function renderQrPlatbaPng(spayd: string, options?: { label?: string; scale?: number }): Promise<Buffer> {
	return QRCode.toBuffer(spayd, {
		type: 'png',
		errorCorrectionLevel: 'M',
		margin: QUIET,
		scale: options?.scale ?? 6,
	})
}
