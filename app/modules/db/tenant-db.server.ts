import { PrismaPg } from '@prisma/adapter-pg'
import { LRUCache } from 'lru-cache'
import { PrismaClient } from '../../generated/tenant/client'
import { singleton } from '../util/singleton.server'
import { getPool } from './pool.server'
import { tenantSchemaName } from './schema-name'

export type TenantDb = PrismaClient

// One client per town, bounded. Clients share the one pool, so an evicted client is simply
// dropped: it holds no connections of its own. Queries carry the schema name in their SQL.
const state = singleton('tenant-db', () => ({
	max: 100,
	pool: undefined as unknown,
	clients: new LRUCache<string, PrismaClient>({ max: 100 }),
}))

export function setTenantClientCacheSize(max: number) {
	if (max === state.max) return
	state.max = max
	state.clients = new LRUCache<string, PrismaClient>({ max })
}

export function getTenantDb(tenant: { id: string; slug: string }): TenantDb {
	const pool = getPool()
	if (state.pool !== pool) {
		state.clients.clear()
		state.pool = pool
	}
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
