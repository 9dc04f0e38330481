import { isSignedWithSecretsKey, signWithSecretsKey } from '../secrets/secrets.server'

// The result of a payment-slip lookup (/zaplatit) is a capability, not a GET with the VS in it: the
// POST that matched the pair redirects to /zaplatit/<token>, so a refresh works without re-posting and
// the lookup itself cannot be repeated by GET. The token names the claim or portal payment and the
// town, expires, and is signed with the secrets key (HMAC); it carries no VS, amount or name.

const PURPOSE = 'pay-without-login'
export const SLIP_CAPABILITY_LIFETIME_MS = 30 * 60_000

export type SlipTarget = { kind: 'claim' | 'payment'; id: string }
type Payload = { k: 'c' | 'p'; i: string; t: string; e: number }

export function signSlipCapability({ tenantId, target, now = new Date() }: { tenantId: string; target: SlipTarget; now?: Date }): string {
	const payload: Payload = { k: target.kind === 'claim' ? 'c' : 'p', i: target.id, t: tenantId, e: now.getTime() + SLIP_CAPABILITY_LIFETIME_MS }
	const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
	return `${body}.${signWithSecretsKey(PURPOSE, body)}`
}

export type SlipCapability = { status: 'valid'; target: SlipTarget } | { status: 'expired' | 'invalid' }

/** What a token grants in this town: its target, or why not (a link from another town is invalid). */
export function readSlipCapability({ tenantId, token, now = new Date() }: { tenantId: string; token: string; now?: Date }): SlipCapability {
	const [body, signature, ...rest] = token.split('.')
	if (!body || !signature || rest.length || token.length > 400 || !isSignedWithSecretsKey(PURPOSE, body, signature)) return { status: 'invalid' }
	let payload: Payload
	try {
		payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload
	} catch {
		return { status: 'invalid' }
	}
	if (payload.t !== tenantId || (payload.k !== 'c' && payload.k !== 'p') || typeof payload.i !== 'string') return { status: 'invalid' }
	if (typeof payload.e !== 'number' || payload.e < now.getTime()) return { status: 'expired' }
	return { status: 'valid', target: { kind: payload.k === 'c' ? 'claim' : 'payment', id: payload.i } }
}
