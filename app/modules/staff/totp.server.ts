import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'

// TOTP as authenticator apps expect it (RFC 6238: SHA-1, 6 digits, 30 s). One step either side is
// accepted, for clocks that drift and codes typed just as they change.
const PERIOD_SECONDS = 30

export function createTotpSecret() {
	return generateSecret()
}

export function totpUri({ secret, issuer, label }: { secret: string; issuer: string; label: string }) {
	return generateURI({ issuer, label, secret })
}

export async function verifyTotpCode(secret: string, code: string, now = new Date()) {
	const token = code.replace(/\s/g, '')
	if (!/^\d{6}$/.test(token)) return false
	try {
		const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: PERIOD_SECONDS })
		return result.valid
	} catch {
		return false
	}
}

/** The otpauth URI as an SVG QR code, in a data: URL for an <img> (the CSP allows data: images). */
export async function totpQrDataUrl(uri: string) {
	const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
