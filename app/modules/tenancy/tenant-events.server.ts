import pg from 'pg'
import { singleton } from '../util/singleton.server'

// Town changes made by any process (the CLI, another app instance) reach every app process through
// Postgres LISTEN/NOTIFY, so host and status caches are dropped at once rather than after their TTL.
export const TENANT_CHANGED_CHANNEL = 'portal_tenant_changed'

export async function notifyTenantChanged(db: pg.Pool | pg.PoolClient, slug: string) {
	await db.query('SELECT pg_notify($1, $2)', [TENANT_CHANGED_CHANNEL, slug])
}

type ListenerState = { client?: pg.Client; stopped: boolean; retry?: NodeJS.Timeout }
const state = singleton<ListenerState>('tenant-listener', () => ({ stopped: true }))

/** Keeps one dedicated connection listening; reconnects with a delay if the database goes away. */
export function listenForTenantChanges(url: string, onChange: (slug: string) => void, log: (msg: string) => void = () => {}) {
	state.stopped = false
	const connect = async () => {
		if (state.stopped) return
		const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 })
		const reconnect = () => {
			client.removeAllListeners()
			// A dropped connection can emit 'error' again while it ends; unheard, that would crash the process.
			client.on('error', () => {})
			void client.end().catch(() => {})
			if (state.client === client) state.client = undefined
			if (!state.stopped) state.retry = setTimeout(connect, 2_000)
			// While we were not listening, changes may have been missed.
			onChange('*')
		}
		client.on('error', reconnect)
		client.on('notification', (message) => onChange(message.payload ?? '*'))
		try {
			await client.connect()
			await client.query(`LISTEN ${TENANT_CHANGED_CHANNEL}`)
			state.client = client
		} catch (error) {
			log(`tenant change listener cannot connect: ${(error as Error).message}; retrying`)
			reconnect()
		}
	}
	void connect()
}

export async function stopListeningForTenantChanges() {
	state.stopped = true
	if (state.retry) clearTimeout(state.retry)
	const client = state.client
	state.client = undefined
	if (client) {
		client.removeAllListeners()
		client.on('error', () => {})
		await client.end().catch(() => {})
	}
}
