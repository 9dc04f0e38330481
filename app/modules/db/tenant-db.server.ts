import { PrismaPg } from '@prisma/adapter-pg'
import { LRUCache } from 'lru-cache'
import { PrismaClient } from '../../generated/tenant/client'
import { singleton } from '../util/singleton.server'
import { getPool } from './pool.server'
import { tenantSchemaName } from './schema-name'

export type TenantDb = PrismaClient

// One client per town, bounded. Clients share the one pool and hold no connections of their own.
// Queries carry the schema name in their SQL. Each client adds an 'error' listener to the pool that
// only $disconnect() removes (the pool stays open; a query still running completes), so an evicted
// client is disconnected, and the pool may carry one listener per cached client.
function createClientCache(max: number) {
	return new LRUCache<string, PrismaClient>({ max, dispose: (client) => void client.$disconnect().catch(() => {}) })
}

const state = singleton('tenant-db', () => ({
	max: 100,
	pool: undefined as unknown,
	clients: createClientCache(100),
}))

export function setTenantClientCacheSize(max: number) {
	if (max === state.max) return
	state.max = max
	state.clients.clear()
	state.clients = createClientCache(max)
}

export function getTenantDb(tenant: { id: string; slug: string }): TenantDb {
	const pool = getPool()
	if (state.pool !== pool) {
		state.clients.clear()
		state.pool = pool
	}
	if (pool.getMaxListeners() < state.max + 10) pool.setMaxListeners(state.max + 10)
	const key = `${tenant.id}:${tenant.slug}`
	let client = state.clients.get(key)
	if (!client) {
		client = new PrismaClient({ adapter: new PrismaPg(pool, { schema: tenantSchemaName(tenant.slug) }) })
		state.clients.set(key, client)
	}
	return client
}

export function tenantClientCount() {
	return state.clients.size
}
