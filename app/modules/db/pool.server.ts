import pg from 'pg'
import { singleton } from '../util/singleton.server'

type PoolState = { pool?: pg.Pool; url?: string }
const state = singleton<PoolState>('db-pool', () => ({}))

/** Called once at boot (server, CLI, tests) with the connection URL the process will use. */
export function initPool(url: string, options: { max?: number } = {}) {
	if (state.pool && state.url === url) return state.pool
	if (state.pool) void state.pool.end()
	state.url = url
	state.pool = new pg.Pool({
		connectionString: url,
		max: options.max ?? 10,
		connectionTimeoutMillis: 5_000,
		idleTimeoutMillis: 30_000,
		// Detects a database host that vanished without closing connections.
		keepAlive: true,
	})
	// A dropped idle connection must not crash the process; the pool replaces it on next use.
	state.pool.on('error', () => {})
	return state.pool
}

export function getPool(): pg.Pool {
	if (!state.pool) throw new Error('Database pool used before initPool()')
	return state.pool
}

export function getDatabaseUrl() {
	if (!state.url) throw new Error('Database URL asked for before initPool()')
	return state.url
}

export async function closePool() {
	const pool = state.pool
	state.pool = undefined
	state.url = undefined
	if (pool) await pool.end()
}
