// Turns the citizen's choice on the picker page into the Response NIA would post to the SeP.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { releaseAttributes } from './attributes'
import { buildSamlResponse, type LoginOutcome } from './build-response'
import { FLOW_LIFETIME_MS } from './constants'
import { renderAutoPostPage, renderErrorPage, type Page } from './html'
import { satisfiesRequestedLoa } from './loa'
import { findPersona } from './personas'
import { PICKER_ACTIONS, RESPONSE_FAULTS, type AuthnRequestDetails, type SepRegistration } from './types'
import { newSamlId } from './xml'
import type { SigningKey } from './xml-signature'

/** A verified AuthnRequest waiting for the citizen. Stays usable until it expires, so a test can ask for a second response. */
export interface PendingLogin {
	requestId: string
	sepIssuer: string
	acsUrl: string
	relayState?: string
	authn: AuthnRequestDetails
	createdAt: number
}

export interface IssuedSession {
	nameId: string
	sepIssuer: string
}

export interface IssueContext {
	flows: Map<string, PendingLogin>
	findSep(issuer: string): SepRegistration | undefined
	sessions: Map<string, IssuedSession>
	key: SigningKey
	/** A key NIA does not own, for the `wrong-key` fault (made on first use). */
	foreignKey(): Promise<SigningKey>
}

export const ChoiceSchema = z.object({
	flow: z.string().min(1),
	action: z.enum(PICKER_ACTIONS),
	persona: z.string().optional(),
	fault: z.union([z.enum(RESPONSE_FAULTS), z.literal('')]).optional(),
})

/** Persistent NameID: stable per person and SeP, and unrelated to PersonIdentifier, as a pairwise id should be. */
function nameIdFor(personIdentifier: string, sepIssuer: string) {
	const hex = createHash('sha256').update(`${personIdentifier}|${sepIssuer}`).digest('hex')
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

export async function issueResponse(body: unknown, context: IssueContext): Promise<Page> {
	const parsed = ChoiceSchema.safeParse(body)
	if (!parsed.success) return renderErrorPage(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
	const choice = parsed.data
	const flow = context.flows.get(choice.flow)
	if (!flow || Date.now() - flow.createdAt > FLOW_LIFETIME_MS) return renderErrorPage(['this login has expired or never existed; start again at the service'])
	const sep = context.findSep(flow.sepIssuer)
	if (!sep) return renderErrorPage([`the service provider ${flow.sepIssuer} is no longer registered`])

	const now = new Date()
	let outcome: LoginOutcome = { kind: 'failed' }
	if (choice.action === 'login' || choice.action === 'login-anyway') {
		const persona = choice.persona ? findPersona(choice.persona) : undefined
		if (!persona) return renderErrorPage([`unknown persona ${choice.persona ?? '(none)'}`])
		if (choice.action === 'login' && !satisfiesRequestedLoa(persona.loa, flow.authn.requestedAuthnContext)) {
			return renderErrorPage([`${persona.id} reaches only LoA ${persona.loa}, below what the service asked for: use "fail" or "login-anyway"`], 409)
		}
		const sessionIndex = newSamlId()
		const nameId = nameIdFor(persona.personIdentifier, sep.issuer)
		context.sessions.set(sessionIndex, { nameId, sepIssuer: sep.issuer })
		outcome = { kind: 'authenticated', loa: persona.loa, nameId, sessionIndex, attributes: releaseAttributes(persona, flow.authn.requestedAttributes, now) }
	}
	const fault = choice.fault || undefined
	const xml = buildSamlResponse({
		requestId: flow.requestId,
		acsUrl: flow.acsUrl,
		audience: sep.issuer,
		encryptionCert: sep.encryptionCert,
		outcome,
		key: context.key,
		foreignKey: fault === 'wrong-key' ? await context.foreignKey() : undefined,
		now,
		fault,
	})
	return renderAutoPostPage({
		action: flow.acsUrl,
		fields: { SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: flow.relayState },
		heading: { cs: 'Návrat ke službě', en: 'Returning to the service' },
	})
}
