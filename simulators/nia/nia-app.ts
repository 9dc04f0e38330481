// The simulator's HTTP surface: NIA's endpoints (metadata, SSO/SLO) plus the picker's form target and the
// admin stand-in where SePs are registered.
import { randomUUID, X509Certificate } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { buildLogoutResponse } from './build-response'
import { checkIncomingRequest, type IncomingRequest } from './check-request'
import { ADMIN_SEP_PATH, CHOOSE_PATH, FLOW_LIFETIME_MS, METADATA_PATH, SSO_PATH } from './constants'
import { renderAutoPostPage, renderErrorPage, type Page } from './html'
import { issueResponse, type IssueContext, type PendingLogin } from './issue-response'
import { renderPickerPage } from './picker-page'
import { SepRegistrationSchema, type ReceivedMessage, type SepRegistration } from './types'

export interface NiaState extends IssueContext {
	ssoUrl: string
	metadataXml: string
	seps: Map<string, SepRegistration>
	received: ReceivedMessage[]
}

/** Validates and stores a SeP, as NIA's admin form would; throws with every problem listed. */
export function registerSep(state: NiaState, input: unknown) {
	const sep = SepRegistrationSchema.parse(input)
	for (const field of ['signingCert', 'encryptionCert'] as const) {
		try {
			new X509Certificate(sep[field])
		} catch {
			throw new Error(`${field} is not a readable X.509 certificate`)
		}
	}
	state.seps.set(sep.issuer, sep)
	return sep
}

function send(res: Response, page: Page) {
	res
		.status(page.status)
		.set({ 'Content-Security-Policy': page.csp, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
		.type('html')
		.send(page.html)
}

function handleSamlRequest(state: NiaState, incoming: IncomingRequest): Page {
	const now = new Date()
	for (const [id, flow] of state.flows) if (now.getTime() - flow.createdAt > FLOW_LIFETIME_MS) state.flows.delete(id)
	const { received, sep } = checkIncomingRequest(incoming, { ssoUrl: state.ssoUrl, findSep: state.findSep, now })
	state.received.push(received)
	if (!received.accepted || !sep) return renderErrorPage(received.errors)

	if (received.kind === 'AuthnRequest' && received.authn) {
		const flowId = randomUUID()
		const flow: PendingLogin = {
			requestId: received.id!,
			sepIssuer: sep.issuer,
			acsUrl: received.authn.acsUrl ?? sep.acsUrl,
			relayState: received.relayState,
			authn: received.authn,
			createdAt: now.getTime(),
		}
		state.flows.set(flowId, flow)
		received.flowId = flowId
		return renderPickerPage({ flowId, sepIssuer: sep.issuer, authn: received.authn })
	}

	const logout = received.logout!
	const session = logout.sessionIndex ? state.sessions.get(logout.sessionIndex) : undefined
	logout.matchesIssuedSession = Boolean(session && session.nameId === logout.nameId && session.sepIssuer === sep.issuer)
	if (logout.matchesIssuedSession) state.sessions.delete(logout.sessionIndex!)
	const xml = buildLogoutResponse({ requestId: received.id!, destination: sep.logoutReturnUrl, now })
	return renderAutoPostPage({
		action: sep.logoutReturnUrl,
		fields: { SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: received.relayState },
		heading: { cs: 'Odhlášení proběhlo', en: 'You have been logged out' },
	})
}

const single = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** Loopback only: the admin stand-in must not be reachable from another machine even if bound to 0.0.0.0. */
const isLoopback = (req: Request) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '')

export function createNiaApp(state: NiaState) {
	const app = express()
	app.disable('x-powered-by')
	const form = express.urlencoded({ extended: false, limit: '512kb' })

	app.get(METADATA_PATH, (_req, res) => {
		res.type('application/samlmetadata+xml').set('Cache-Control', 'no-store').send(state.metadataXml)
	})

	app.get(SSO_PATH, (req, res) => {
		const samlRequest = single(req.query.SAMLRequest)
		if (!samlRequest) return send(res, renderErrorPage(['the request has no SAMLRequest parameter']))
		const rawQuery = req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
		send(res, handleSamlRequest(state, { binding: 'HTTP-Redirect', samlRequest, relayState: single(req.query.RelayState), rawQuery }))
	})

	app.post(SSO_PATH, form, (req, res) => {
		const samlRequest = single(req.body?.SAMLRequest)
		if (!samlRequest) return send(res, renderErrorPage(['the form has no SAMLRequest field']))
		send(res, handleSamlRequest(state, { binding: 'HTTP-POST', samlRequest, relayState: single(req.body?.RelayState) }))
	})

	app.post(CHOOSE_PATH, form, (req, res, next) => {
		issueResponse(req.body, state).then((page) => send(res, page), next)
	})

	app.post(ADMIN_SEP_PATH, express.json({ limit: '64kb' }), (req, res) => {
		if (!isLoopback(req)) return res.status(403).json({ error: 'the admin endpoint answers only on 127.0.0.1' })
		try {
			const sep = registerSep(state, req.body)
			res.status(201).json({ issuer: sep.issuer })
		} catch (error) {
			res.status(400).json({ error: error instanceof Error ? error.message : String(error) })
		}
	})

	app.get('/', (_req, res) => {
		res.type('text/plain').send(`NIA simulator\nmetadata: ${METADATA_PATH}\nSSO/SLO: ${SSO_PATH}\nregister a SeP: POST ${ADMIN_SEP_PATH}\n`)
	})
	return app
}
