import { getPool } from '../db/pool.server'
import { HEALTH_ORDER_SQL as ORDER, type HealthQuery } from './health-query'
import { evaluateTown, staleness, type HealthColumn, type TownFigures, type TownVerdicts, type Verdict } from './health-rules'

export const HEALTH_PAGE_SIZE = 25

export type TownHealthRow = {
	id: string
	slug: string
	name: string
	status: 'active' | 'suspended'
	primaryHost: string | null
	refreshedAt: string | null
	level: 'green' | 'amber' | 'red'
	verdicts: TownVerdicts | null
	figures: TownFigures | null
	stale: Verdict | null
	error: string | null
}

type Row = {
	id: string
	slug: string
	name: string
	status: 'active' | 'suspended'
	host: string | null
	refreshed_at: Date | null
	level: string | null
	figures: TownFigures | Record<string, never> | null
	error: string | null
	total: string
}

/** Turns a stored summary row into what the console shows, judged against the current time. */
export function toHealthRow(row: Omit<Row, 'total'>, now = new Date()): TownHealthRow {
	const figures = row.figures && 'schema' in row.figures ? (row.figures as TownFigures) : null
	const verdicts = figures ? evaluateTown({ status: row.status, figures, now }) : null
	const stale = staleness(row.refreshed_at, now)
	const worst = verdicts
		? Object.values(verdicts).some((v) => v.level === 'red')
			? 'red'
			: Object.values(verdicts).some((v) => v.level === 'amber')
				? 'amber'
				: 'green'
		: 'red'
	const level = row.error ? 'red' : stale?.level === 'red' ? 'red' : worst === 'green' && stale ? 'amber' : worst
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		status: row.status,
		primaryHost: row.host,
		refreshedAt: row.refreshed_at?.toISOString() ?? null,
		level,
		verdicts,
		figures,
		stale,
		error: row.error,
	}
}

const SELECT = `SELECT t.id, t.slug, t.name, t.status,
	(SELECT host FROM platform.tenant_host th WHERE th.tenant_id = t.id AND th.is_primary) AS host,
	h.refreshed_at, h.level, h.figures, h.error`

/**
 * One page of the console's health table: ONE query over platform.tenant and platform.town_health
 * (whatever the number of towns; nothing is read from a town's schema on a page view).
 */
export type HealthPage = { towns: TownHealthRow[]; total: number; page: number; pages: number }

export async function listTownHealth({ page, q, sort, level }: HealthQuery, now = new Date()): Promise<HealthPage> {
	const where: string[] = []
	const params: unknown[] = []
	if (q) {
		params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
		where.push(
			`(t.slug ILIKE $${params.length} OR t.name ILIKE $${params.length} OR EXISTS (SELECT 1 FROM platform.tenant_host s WHERE s.tenant_id = t.id AND s.host ILIKE $${params.length}))`,
		)
	}
	if (level !== 'all') {
		params.push(level)
		where.push(`h.level = $${params.length}`)
	}
	params.push(HEALTH_PAGE_SIZE, (page - 1) * HEALTH_PAGE_SIZE)
	// The page is chosen first (sorting 1 000 narrow rows), then only its rows get their host and figures.
	const { rows } = await getPool().query<Row>(
		`WITH page AS (
			SELECT t.id, count(*) OVER () AS total, row_number() OVER (ORDER BY ${ORDER[sort]}) AS position
			FROM platform.tenant t LEFT JOIN platform.town_health h ON h.tenant_id = t.id
			${where.length ? `WHERE ${where.join(' AND ')}` : ''}
			ORDER BY ${ORDER[sort]} LIMIT $${params.length - 1} OFFSET $${params.length}
		)
		${SELECT}, page.total FROM page JOIN platform.tenant t ON t.id = page.id LEFT JOIN platform.town_health h ON h.tenant_id = t.id
		ORDER BY page.position`,
		params,
	)
	const total = Number(rows[0]?.total ?? 0)
	if (rows.length === 0 && page > 1) {
		// Past the end (the list shrank): the count still comes back from a first page.
		const first = await listTownHealth({ page: 1, q, sort, level }, now)
		return { ...first, page: 1 }
	}
	return { towns: rows.map((row) => toHealthRow(row, now)), total, page, pages: Math.max(1, Math.ceil(total / HEALTH_PAGE_SIZE)) }
}

/** Every town's state, for GET /platform/health.json (states and counts only). */
export async function listAllTownHealth(now = new Date()) {
	const { rows } = await getPool().query<Omit<Row, 'total'>>(
		`${SELECT} FROM platform.tenant t LEFT JOIN platform.town_health h ON h.tenant_id = t.id ORDER BY t.slug`,
	)
	return rows.map((row) => toHealthRow(row, now))
}

/** One town: its current row, samples over time (newest first) and the vendor's own actions on it. */
/**
 * What a vendor action changed, as the console lists it: a settings edit's settings with their old and
 * new values, or the change lines of a blueprint applied. Counts and settings only, never citizen data.
 */
function auditChanges(details: unknown): { setting: string; old: string | null; new: string | null }[] {
	const changes = (details as { changes?: unknown } | null)?.changes
	if (!Array.isArray(changes)) return []
	return changes.flatMap((change: unknown) => {
		if (typeof change === 'string') return [{ setting: change, old: null, new: null }]
		const one = change as { setting?: unknown; old?: unknown; new?: unknown }
		const text = (value: unknown) => (typeof value === 'string' ? value : null)
		return typeof one.setting === 'string' ? [{ setting: one.setting, old: text(one.old), new: text(one.new) }] : []
	})
}

export async function getTownHealthDetail(slug: string, now = new Date()) {
	const pool = getPool()
	const { rows } = await pool.query<Omit<Row, 'total'>>(
		`${SELECT} FROM platform.tenant t LEFT JOIN platform.town_health h ON h.tenant_id = t.id WHERE t.slug = $1`,
		[slug],
	)
	if (!rows[0]) return null
	const town = toHealthRow(rows[0], now)
	const [samples, audit] = await Promise.all([
		pool.query<{ at: Date; level: string; figures: TownFigures }>(
			`SELECT at, level, figures FROM platform.town_health_sample WHERE tenant_id = $1 AND figures ? 'schema' ORDER BY at DESC LIMIT 48`,
			[town.id],
		),
		pool.query<{ at: Date; actor: string; action: string; details: unknown }>(
			`SELECT at, actor, action, details FROM platform.platform_audit WHERE tenant_id = $1 ORDER BY at DESC LIMIT 20`,
			[town.id],
		),
	])
	return {
		town,
		samples: samples.rows.map((sample) => ({
			at: sample.at.toISOString(),
			verdicts: evaluateTown({ status: town.status, figures: sample.figures, now: sample.at }),
		})),
		audit: audit.rows.map((row) => ({ at: row.at.toISOString(), actor: row.actor, action: row.action, changes: auditChanges(row.details) })),
	}
}

export type { HealthColumn }
