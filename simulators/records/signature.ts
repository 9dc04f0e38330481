// The simulator's own implementation of the scheme in docs/api/records-system.openapi.yaml, kept
// apart from the portal's so that a test of one against the other checks the documented contract.
import { createHmac, timingSafeEqual } from 'node:crypto'

export function sign(secret: string, timestamp: string, body: string) {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

export function verify(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, toleranceSeconds: number, now = Date.now()) {
	if (!timestamp || !signature) return 'missing X-Portal-Timestamp or X-Portal-Signature'
	if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return 'stale or invalid X-Portal-Timestamp'
	const expected = Buffer.from(sign(secret, timestamp, body))
	const actual = Buffer.from(signature)
	if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'signature does not match'
	return null
}
