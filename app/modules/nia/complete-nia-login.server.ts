import type { Profile } from '@node-saml/node-saml'
import { recordAudit } from '../audit/record-audit.server'
import { safeReturnTo } from '../auth/current-user.server'
import { createSession, type SessionOptions } from '../auth/session.server'
import { createSaml, isReady } from './create-saml.server'
import { isLoginBoundToBrowser, isSecureRequest, releaseLoginBinding } from './login-binding.server'
import { getNiaConfig } from './get-nia-config.server'
import { classifySamlError, failurePageFor, NiaLoginError, type FailurePage, type FailureReason } from './nia-login-error'
import { isLoaSufficient } from './nia-protocol'
import { readNiaIdentity } from './read-nia-identity.server'
import { readSignedResponse } from './read-signed-response.server'
import { SamlRequestStore } from './saml-request-store.server'
import { upsertCitizen } from './upsert-citizen.server'

type Options = SessionOptions & { request: Request; samlResponse: string | null; requestId?: string | null; ip?: string | null }

export type NiaLoginResult =
	| { ok: true; personId: string; returnTo: string; setCookie: string; releaseBinding: string }
	| { ok: false; reason: FailureReason; page: FailurePage; details: Record<string, string> }

/** What NIA posts: base64 (possibly wrapped), well under 512 KiB. Anything else is not worth reading. */
export function isPlausibleSamlResponse(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= 512 * 1024 && /^[A-Za-z0-9+/=\s]+$/.test(value)
}

async function verify({ tenant, samlResponse, request, secure }: Options, store: SamlRequestStore) {
	const config = await getNiaConfig(tenant)
	if (!isReady(config)) throw new NiaLoginError('not_configured', 'the town has no IdP metadata')
	if (!isPlausibleSamlResponse(samlResponse)) throw new NiaLoginError('malformed', 'no SAMLResponse in the form, not base64, or far too large')
	let profile: Profile | null
	try {
		;({ profile } = await createSaml(config, store).validatePostResponseAsync({ SAMLResponse: samlResponse }))
	} catch (error) {
		throw new NiaLoginError(store.miss ?? classifySamlError(error), error instanceof Error ? error.message : String(error))
	}
	if (!profile) throw new NiaLoginError('malformed', 'the response holds no assertion')
	// What node-saml does not check: Destination, Recipient, the IdP as Issuer, AuthnFailed, the LoA order.
	const response = readSignedResponse(samlResponse, config.idp.certificates)
	if (response.destination !== config.acsUrl) throw new NiaLoginError('destination', `Destination ${response.destination} is not ${config.acsUrl}`)
	if (response.issuer && response.issuer !== config.idp.entityId)
		throw new NiaLoginError('issuer', `Response Issuer ${response.issuer} is not ${config.idp.entityId}`)
	// Last of the protocol checks, on the InResponseTo node-saml has just matched: the login must have
	// been started in this browser. The id is used up either way, so the answer cannot be tried again.
	if (!isLoginBoundToBrowser({ request, requestId: response.inResponseTo, secure: isSecureRequest(request, secure) })) {
		throw new NiaLoginError('other_browser', `the browser holds no login binding for ${response.inResponseTo}`)
	}
	const identity = readNiaIdentity(profile)
	if (identity.recipient && identity.recipient !== config.acsUrl)
		throw new NiaLoginError('destination', `Recipient ${identity.recipient} is not ${config.acsUrl}`)
	if (identity.issuer !== config.idp.entityId) throw new NiaLoginError('issuer', `Assertion Issuer ${identity.issuer} is not ${config.idp.entityId}`)
	if (!isLoaSufficient(identity.loa, config.minimumLoa)) {
		throw new NiaLoginError('loa_too_low', `level of assurance ${identity.loa ?? 'unknown'} is below ${config.minimumLoa}`, {
			loa: identity.loa ?? 'unknown',
			minimum: config.minimumLoa,
		})
	}
	return {
		identity,
		municipalityCode: config.municipalityCode,
		returnTo: safeReturnTo(store.returnToOf(response.inResponseTo)),
		requestId: response.inResponseTo,
	}
}

/**
 * The ACS: checks NIA's answer (node-saml plus our own checks), creates or refreshes the citizen and
 * starts a session (rotated: any session the browser came with is ended). Every refusal is audited
 * with its reason and starts no session.
 */
export async function completeNiaLogin(options: Options): Promise<NiaLoginResult> {
	const { db, request, requestId } = options
	const store = new SamlRequestStore(db)
	const ip = options.ip ?? null
	try {
		const { identity, municipalityCode, returnTo, requestId: loginId } = await verify(options, store)
		const person = await upsertCitizen({ db, identity, municipalityCode })
		const setCookie = await createSession({ ...options, clientIp: ip }, request, {
			kind: 'citizen',
			personId: person.id,
			niaNameId: identity.nameId ?? undefined,
			niaSessionIndex: identity.sessionIndex ?? undefined,
		})
		await recordAudit(db, {
			action: 'auth.login',
			personId: person.id,
			subject: `Person:${person.id}`,
			details: { method: 'nia', loa: identity.loa, firstLogin: person.isNew, isResident: person.isResident },
			ip,
			requestId,
		})
		const releaseBinding = releaseLoginBinding({ request, requestId: loginId, secure: isSecureRequest(request, options.secure) })
		return { ok: true, personId: person.id, returnTo, setCookie, releaseBinding }
	} catch (error) {
		if (!(error instanceof NiaLoginError)) throw error
		return refuseNiaLogin({ db, error, ip, requestId })
	}
}

/** Audits a refused login with its reason and says which failure page the citizen gets. */
export async function refuseNiaLogin({
	db,
	error,
	ip,
	requestId,
}: {
	db: SessionOptions['db']
	error: NiaLoginError
	ip: string | null
	requestId?: string | null
}) {
	await recordAudit(db, {
		action: 'auth.login_failed',
		outcome: 'failed',
		details: { method: 'nia', reason: error.reason, message: error.message.slice(0, 300), ...error.details },
		ip,
		requestId,
	})
	return { ok: false as const, reason: error.reason, page: failurePageFor(error.reason), details: error.details }
}
