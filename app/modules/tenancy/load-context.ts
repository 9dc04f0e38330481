import type { ResolvedTenant } from './resolve-tenant.server'

/** What the Express entry hands every loader and action (see server/create-app.ts). */
export type PortalLoadContext =
	| { kind: 'tenant'; tenant: ResolvedTenant; cspNonce: string; requestId: string }
	| { kind: 'platform'; cspNonce: string; requestId: string }

declare module '@remix-run/node' {
	// eslint-disable-next-line @typescript-eslint/no-empty-object-type
	interface AppLoadContext extends Record<string, unknown> {
		portal: PortalLoadContext
	}
}
