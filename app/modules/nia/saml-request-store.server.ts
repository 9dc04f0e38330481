import type { CacheItem, CacheProvider } from '@node-saml/node-saml'
import type { TenantDb } from '../db/tenant-db.server'
import { REQUEST_ID_LIFETIME_MS } from './nia-protocol'

/** Why an InResponseTo was not accepted: the ACS audits this as the reason. */
export type RequestIdMiss = 'unknown_request' | 'replayed_request' | 'expired_request'

/**
 * node-saml's request-id cache, kept in the town's saml_request table so that any app process can
 * finish a login another one started. One instance serves one HTTP request.
 *
 * Single use is enforced by the database, not by node-saml's get-then-remove: the first lookup of an id
 * claims it (`UPDATE … WHERE used_at IS NULL`), so two copies of one response posted at the same moment
 * cannot both pass. Later lookups of the same id within this instance (node-saml checks the Response's
 * and the SubjectConfirmation's InResponseTo) see the claim it already holds.
 */
export class SamlRequestStore implements CacheProvider {
	private readonly claimed = new Map<string, { createdAt: Date; returnTo: string }>()
	/** Set when a lookup failed, for the audit log. */
	miss: RequestIdMiss | null = null
	/** The id of the AuthnRequest saved through this instance (the login start binds it to the browser). */
	savedId: string | null = null

	constructor(
		private readonly db: TenantDb,
		private readonly options: { returnTo?: string } = {},
	) {}

	async saveAsync(key: string, value: string): Promise<CacheItem | null> {
		const createdAt = new Date(value)
		const now = new Date()
		await this.db.samlRequest.create({
			data: { id: key, returnTo: this.options.returnTo ?? '/', createdAt: now, expiresAt: new Date(now.getTime() + REQUEST_ID_LIFETIME_MS) },
		})
		this.savedId = key
		// Expired ids are useless (a late answer is refused as unknown, the same "expired" page), so they
		// go at every new login: with the per-client limit at the login start, the table stays small.
		await this.db.samlRequest.deleteMany({ where: { expiresAt: { lt: now } } })
		return { value, createdAt: createdAt.getTime() }
	}

	async getAsync(key: string): Promise<string | null> {
		const held = this.claimed.get(key)
		if (held) return held.createdAt.toISOString()
		const now = new Date()
		const { count } = await this.db.samlRequest.updateMany({ where: { id: key, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
		const row = await this.db.samlRequest.findUnique({ where: { id: key }, select: { createdAt: true, returnTo: true, usedAt: true } })
		if (count === 1 && row) {
			this.claimed.set(key, { createdAt: row.createdAt, returnTo: row.returnTo })
			return row.createdAt.toISOString()
		}
		this.miss = !row ? 'unknown_request' : row.usedAt ? 'replayed_request' : 'expired_request'
		return null
	}

	/** node-saml calls this after a check, passed or failed; the id is burnt either way. */
	async removeAsync(key: string | null): Promise<string | null> {
		if (!key) return null
		await this.db.samlRequest.updateMany({ where: { id: key, usedAt: null }, data: { usedAt: new Date() } })
		return key
	}

	/** Where the citizen wanted to go when this login started (set at the login, checked again on use). */
	returnToOf(key: string | undefined | null) {
		return (key && this.claimed.get(key)?.returnTo) || null
	}
}
