// The HMAC scheme both directions use (docs/api/records-system.openapi.yaml):
// X-Portal-Timestamp: unix seconds; X-Portal-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">.
// Signing the timestamp with the body stops a captured request from being replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const TIMESTAMP_HEADER = 'X-Portal-Timestamp'
export const SIGNATURE_HEADER = 'X-Portal-Signature'
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

export function signBody(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** Constant-time comparison of a received signature header with the expected one. */
export function signatureMatches(secret: string, timestamp: string, body: string, received: string): boolean {
	const expected = Buffer.from(signBody(secret, timestamp, body))
	const actual = Buffer.from(received)
	return expected.length === actual.length && timingSafeEqual(expected, actual)
}
