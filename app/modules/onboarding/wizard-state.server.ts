// The wizard keeps what was entered between steps in the page itself: the draft as JSON in a hidden
// field with an HMAC (the secrets key, purpose "onboarding-wizard") and the time it was signed.
// Nothing is stored until the last step; a draft older than a day or altered is refused.
import { isSignedWithSecretsKey, signWithSecretsKey } from '../secrets/secrets.server'
import type { WizardDraft } from './wizard-steps'

const PURPOSE = 'onboarding-wizard'
const MAX_AGE_MS = 24 * 60 * 60 * 1000

export type SignedDraft = { state: string; sig: string }

/** Signs the draft for the vendor who fills it in (a draft is not valid for another account). */
export function signDraft(draft: WizardDraft, vendorId: string, now = Date.now()): SignedDraft {
	const state = JSON.stringify({ at: now, draft })
	return { state, sig: signWithSecretsKey(`${PURPOSE}:${vendorId}`, state) }
}

/** The draft from the hidden fields, or null when missing, altered, another vendor's or stale. */
export function readDraft(form: FormData, vendorId: string, now = Date.now()): WizardDraft | null {
	const state = form.get('state')
	const sig = form.get('sig')
	if (typeof state !== 'string' || typeof sig !== 'string' || !state || !sig) return null
	if (!isSignedWithSecretsKey(`${PURPOSE}:${vendorId}`, state, sig)) return null
	try {
		const parsed = JSON.parse(state) as { at: number; draft: WizardDraft }
		if (typeof parsed.at !== 'number' || now - parsed.at > MAX_AGE_MS || parsed.at > now + 60_000) return null
		return parsed.draft ?? {}
	} catch {
		return null
	}
}
