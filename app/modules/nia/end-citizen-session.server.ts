import type { Profile } from '@node-saml/node-saml'
import { recordAudit } from '../audit/record-audit.server'
import type { CurrentUser } from '../auth/current-user.server'
import { destroySession } from '../auth/session.server'
import { createSaml, isReady } from './create-saml.server'
import { getNiaConfig } from './get-nia-config.server'
import { NAMEID_PERSISTENT } from './nia-protocol'
import { SamlRequestStore } from './saml-request-store.server'

/** Why the session ends; carried through NIA as RelayState so the page afterwards can say so. */
export type LogoutKind = 'logout' | 'account-closed'

/**
 * Ends the local session at once, then (when the session came from NIA) builds the signed LogoutRequest
 * that ends the citizen's NIA session too: NIA keeps one single sign-on session across all services, so
 * without it the next "log in" would silently reuse it.
 */
export async function endCitizenSession({
	user,
	request,
	kind = 'logout',
	requestId,
}: {
	user: CurrentUser
	request: Request
	kind?: LogoutKind
	requestId?: string | null
}) {
	const { session, db, tenant } = user
	const setCookie = await destroySession(user.sessionOptions, request)
	if (!session) return { setCookie, niaLogoutUrl: null }
	if (kind === 'logout') {
		await recordAudit(db, { action: 'auth.logout', personId: session.personId, subject: session.personId ? `Person:${session.personId}` : null, requestId })
	}
	const config = await getNiaConfig(tenant)
	if (!session.niaNameId || !isReady(config)) return { setCookie, niaLogoutUrl: null }
	const who = {
		issuer: config.idp.entityId,
		nameID: session.niaNameId,
		nameIDFormat: NAMEID_PERSISTENT,
		sessionIndex: session.niaSessionIndex ?? undefined,
	} as Profile
	const niaLogoutUrl = await createSaml(config, new SamlRequestStore(db)).getLogoutUrlAsync(who, kind, {})
	return { setCookie, niaLogoutUrl }
}
