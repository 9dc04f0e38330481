// Public types of the NIA simulator.
import { z } from 'zod'

export interface NiaSimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number
	/** Interface to listen on; default 127.0.0.1. */
	host?: string
	/** Base URL the SP sees (metadata, Destination checks); default http://<host>:<port>. */
	publicUrl?: string
	/** PEM pair to sign with; default: generated once and kept in $DATA_DIR/nia-simulator/ (or `keyDir`). */
	signingKey?: string
	signingCert?: string
	/** Where the generated signing key is kept; default $DATA_DIR/nia-simulator (DATA_DIR defaults to .data). */
	keyDir?: string
	/** Start even with NODE_ENV=production. */
	force?: boolean
}

const pem = (label: string) => z.string().regex(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`), `expected a PEM ${label.toLowerCase()}`)

/** What a town enters in NIA's admin web for one SeP (reference §1.8). */
export const SepRegistrationSchema = z.object({
	/** "Unikátní URL adresa zabezpečené části Vašeho webu" = the AuthnRequest Issuer and the Audience. */
	issuer: z.string().min(1),
	/** "Adresa pro příjem vydaného tokenu": the ACS, reached by HTTP-POST. */
	acsUrl: z.url(),
	/** "Adresa pro přesměrování uživatele po odhlášení": where the LogoutResponse is posted. */
	logoutReturnUrl: z.url(),
	/** Verifies the SeP's AuthnRequest/LogoutRequest signatures. */
	signingCert: pem('CERTIFICATE'),
	/** The assertion is encrypted to this certificate (often the same as signingCert). */
	encryptionCert: pem('CERTIFICATE'),
})
export type SepRegistration = z.infer<typeof SepRegistrationSchema>

export interface RequestedAttribute {
	name: string
	isRequired: boolean
	/** eidas:AttributeValue children, e.g. ['18'] for isAgeOver. */
	values: string[]
}

export type RacComparison = 'exact' | 'minimum' | 'maximum' | 'better'

export interface AuthnRequestDetails {
	acsUrl?: string
	protocolBinding?: string
	forceAuthn: boolean
	isPassive: boolean
	/** RequestedAuthnContext; absent when the SeP sent none. */
	requestedAuthnContext?: { comparison: RacComparison; classRefs: string[] }
	/** eidas:SPType: 'public' or 'private'. */
	spType?: string
	requestedAttributes: RequestedAttribute[]
	nameIdPolicy?: { format?: string; allowCreate?: boolean }
}

export interface LogoutRequestDetails {
	nameId?: string
	nameIdFormat?: string
	sessionIndex?: string
	/** Whether NameID + SessionIndex match a login this simulator issued (NIA answers Success either way). */
	matchesIssuedSession: boolean
}

/** One SAML request as the simulator received it, with what it concluded. Newest last. */
export interface ReceivedMessage {
	kind: 'AuthnRequest' | 'LogoutRequest' | 'unknown'
	binding: 'HTTP-Redirect' | 'HTTP-POST'
	receivedAt: Date
	/** The decoded XML as received (for Redirect: after inflating). */
	xml?: string
	relayState?: string
	id?: string
	issuer?: string
	destination?: string
	issueInstant?: string
	signature: { present: boolean; valid: boolean; sigAlg?: string }
	/** True when the request passed every check and the simulator went on (picker shown, logout answered). */
	accepted: boolean
	/** Why it was refused; empty when accepted. */
	errors: string[]
	authn?: AuthnRequestDetails
	logout?: LogoutRequestDetails
	/** Opaque id of the login waiting in the picker (the `flow` field of the picker form). */
	flowId?: string
}

export interface NiaSimulator {
	/** Base URL, e.g. http://127.0.0.1:7001 (or `publicUrl`). */
	url: string
	/** urn:microsoft:cgg2010:fpsts */
	entityId: string
	metadataUrl: string
	ssoUrl: string
	sloUrl: string
	/** The IdP signing certificate, PEM: the SP's `idpCert`. */
	signingCert: string
	/** Registers (or replaces, e.g. for a certificate rollover) a SeP; throws on invalid input. */
	registerSep(sep: SepRegistration): void
	/** Every AuthnRequest/LogoutRequest received, oldest first. Tests may clear it with `received.length = 0`. */
	received: ReceivedMessage[]
	close(): Promise<void>
}

/** Test-only ways to spoil a response, chosen in the picker form (`fault` field). */
export const RESPONSE_FAULTS = ['unsigned', 'wrong-key', 'expired', 'wrong-audience'] as const
export type ResponseFault = (typeof RESPONSE_FAULTS)[number]

/** What the citizen (or a test) does on the picker page: the `action` field. */
export const PICKER_ACTIONS = ['login', 'login-anyway', 'fail', 'cancel'] as const
export type PickerAction = (typeof PICKER_ACTIONS)[number]
