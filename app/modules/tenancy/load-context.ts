import type { Logger } from 'pino'
import type { ResolvedTenant } from './resolve-tenant.server'

/** What the Express entry hands every loader and action (see server/create-app.ts). */
export type PortalLoadContext =
	| { kind: 'tenant'; tenant: ResolvedTenant; cspNonce: string; requestId: string; clientIp?: string | null }
	| { kind: 'platform'; cspNonce: string; requestId: string; clientIp?: string | null }

declare module '@remix-run/node' {
	interface AppLoadContext extends Record<string, unknown> {
		portal: PortalLoadContext
		/** The request's logger (pino-http's child, with the request id); app/entry.server.tsx's handleError logs through it. */
		log?: Logger
	}
}
