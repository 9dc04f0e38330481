import type { TenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'

/**
 * The words of a search as a prefix tsquery with diacritics folded: "odpad" becomes 'odpad':*,
 * which matches "odpadů" (stored as "odpadu"). Only letters and digits survive, so the query
 * text cannot carry tsquery operators.
 */
export function toPrefixQuery(text: string) {
	const words = text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.slice(0, 8)
	return words.map((word) => `${word}:*`).join(' & ')
}

/**
 * Ids of the town's threads whose subject or any message matches every word (Postgres full-text
 * search, 'simple' configuration over unaccent, decision 023). Internal notes are searched too: only
 * the office searches. The caller intersects the ids with what CASL lets the clerk read.
 */
export async function searchThreadIds(db: TenantDb, townSlug: string, text: string): Promise<string[] | null> {
	const query = toPrefixQuery(text)
	// No words at all (only punctuation): no search, rather than nothing found.
	if (!query) return null
	const schema = tenantSchemaName(townSlug)
	const rows = await db.$queryRawUnsafe<{ id: string }[]>(
		`SELECT id::text FROM ${schema}.message_thread WHERE to_tsvector('simple', public.portal_unaccent(lower(subject))) @@ to_tsquery('simple', $1)
		 UNION
		 SELECT thread_id::text FROM ${schema}.thread_message WHERE to_tsvector('simple', public.portal_unaccent(lower(body))) @@ to_tsquery('simple', $1)
		 LIMIT 5000`,
		query,
	)
	return rows.map((row) => row.id)
}
