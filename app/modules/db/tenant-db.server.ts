import { AsyncLocalStorage } from 'node:async_hooks'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils'
import { LRUCache } from 'lru-cache'
import type pg from 'pg'
import { PrismaClient } from '../../generated/tenant/client'
import { singleton } from '../util/singleton.server'
import { getPool } from './pool.server'
import { quoteIdent, tenantSchemaName } from './schema-name'

export type TenantDb = PrismaClient

// One Prisma client (one query compiler, one plan cache) serves every town; a town costs data, not
// objects (docs/decisions/020-one-client-for-all-towns.md).
//
// Prisma 7's compiler qualifies every table with the adapter's `schema` ("public" when unset), never
// relying on search_path. The shared client is built with a placeholder schema that exists nowhere;
// the adapter below swaps it for the town's schema on each statement, read from an AsyncLocalStorage
// that each town's handle (a `$extends` view of the shared client) sets around every operation. A
// statement with no town in context is refused before it reaches Postgres (fail closed), and one that
// slipped through anyway would name a schema that does not exist. Pooled connections carry no town
// state at all: no search_path, so PgBouncer in transaction mode stays safe.
export const SCHEMA_PLACEHOLDER = 'portal_town_placeholder__'
const QUOTED_PLACEHOLDER = `${quoteIdent(SCHEMA_PLACEHOLDER)}.`

// The Express entry (server.ts) and the Remix build are bundled separately and both import this module, so a
// process holds two copies of it. The shared client lives on globalThis (singleton); the context that
// carries the town must live there too. With one AsyncLocalStorage per copy, the adapter of the client one
// copy built read its own, empty, storage while a handle made by the other copy had set the other one:
// "Tenant query outside a town context" on the first page of a town (tenant-shared-client.test.ts).
const townSchema = singleton('tenant-db-town-schema', () => new AsyncLocalStorage<string>())

/** The town schema the current async context queries through the shared client, if any. */
export function currentTownSchema() {
	return townSchema.getStore()
}

function qualify(query: SqlQuery): SqlQuery {
	if (!query.sql.includes(QUOTED_PLACEHOLDER)) return query
	const schema = townSchema.getStore()
	if (!schema) throw new Error('Tenant query outside a town context: use getTenantDb(tenant)')
	return { ...query, sql: query.sql.replaceAll(QUOTED_PLACEHOLDER, `${quoteIdent(schema)}.`) }
}

function wrapTransaction(tx: Transaction): Transaction {
	return Object.assign(Object.create(tx) as Transaction, {
		queryRaw: (query: SqlQuery) => tx.queryRaw(qualify(query)),
		executeRaw: (query: SqlQuery) => tx.executeRaw(qualify(query)),
	})
}

function wrapAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
	return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
		queryRaw: (query: SqlQuery) => adapter.queryRaw(qualify(query)),
		executeRaw: (query: SqlQuery) => adapter.executeRaw(qualify(query)),
		startTransaction: async (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) =>
			wrapTransaction(await adapter.startTransaction(isolationLevel)),
	})
}

function townAdapterFactory(pool: pg.Pool): SqlDriverAdapterFactory {
	const inner = new PrismaPg(pool, { schema: SCHEMA_PLACEHOLDER })
	return Object.assign(Object.create(inner) as SqlDriverAdapterFactory, {
		connect: async () => wrapAdapter(await inner.connect()),
	})
}

type Loader = (request: unknown) => Promise<unknown>
type BatchLoader = (requests: unknown[]) => Promise<unknown>
type DataLoaderOptions = { batchBy: (request: object) => string | undefined; singleLoader: Loader; batchLoader: BatchLoader }
const REQUEST_SCHEMA = Symbol('town schema')

/**
 * Prisma collects findUnique calls made in the same tick into one batch and dispatches every batch
 * from one process.nextTick, i.e. in the async context of whichever call came first: two towns'
 * findUnique calls could be merged into one statement, or run in the other town's context. The batch
 * key gets the town's schema (so no batch mixes towns) and each batch runs in its own town's context.
 * This reaches into the client's request handler (not public API); tenant-isolation.test.ts fails
 * loudly if a Prisma upgrade moves it.
 */
function keepBatchesWithinATown(client: PrismaClient) {
	const loader = (client as unknown as { _requestHandler?: { dataloader?: { options?: DataLoaderOptions } } })._requestHandler?.dataloader
	const options = loader?.options
	if (!options || typeof options.batchBy !== 'function' || typeof options.singleLoader !== 'function' || typeof options.batchLoader !== 'function') {
		throw new Error('Prisma request batching changed shape: review keepBatchesWithinATown')
	}
	const { batchBy, singleLoader, batchLoader } = options
	const schemaOf = (request: unknown) => (request as Record<symbol, string | undefined>)[REQUEST_SCHEMA]
	const inTown = <T>(schema: string | undefined, work: () => Promise<T>) => (schema ? townSchema.run(schema, work) : work())
	options.batchBy = (request) => {
		const schema = townSchema.getStore()
		;(request as Record<symbol, string | undefined>)[REQUEST_SCHEMA] = schema
		const key = batchBy(request)
		return key === undefined ? undefined : `${schema ?? ''}|${key}`
	}
	options.singleLoader = (request) => inTown(schemaOf(request), () => singleLoader(request))
	options.batchLoader = (requests) => inTown(schemaOf(requests[0]), () => batchLoader(requests))
}

function createSharedClient(pool: pg.Pool) {
	const client = new PrismaClient({ adapter: townAdapterFactory(pool) })
	keepBatchesWithinATown(client)
	return client
}

/** A town's view of the shared client: every operation (models, raw SQL, inside transactions too) runs in the town's context. */
function townHandle(shared: PrismaClient, schema: string): TenantDb {
	return shared.$extends({
		query: {
			$allOperations({ args, query }) {
				return townSchema.run(schema, () => query(args).then((result) => result))
			},
		},
	}) as unknown as TenantDb
}

// Which town a handle serves, for code that is handed only a handle (townOf).
const handleTowns = new WeakMap<object, { id: string; slug: string }>()

/** The town a handle from getTenantDb serves (undefined for a transaction client or a foreign object). */
export function townOf(db: TenantDb): { id: string; slug: string } | undefined {
	return handleTowns.get(db)
}

function createHandleCache(max: number) {
	return new LRUCache<string, TenantDb>({ max })
}

const state = singleton('tenant-db', () => ({
	max: 100,
	pool: undefined as pg.Pool | undefined,
	shared: undefined as PrismaClient | undefined,
	handles: createHandleCache(100),
}))

/** Handles are light views (no compiler, no connections), cached only to save building them per request. */
export function setTenantClientCacheSize(max: number) {
	if (max === state.max) return
	state.max = max
	state.handles.clear()
	state.handles = createHandleCache(max)
}

export function getTenantDb(tenant: { id: string; slug: string }): TenantDb {
	const pool = getPool()
	if (state.pool !== pool || !state.shared) {
		const old = state.shared
		state.handles.clear()
		state.pool = pool
		state.shared = createSharedClient(pool)
		if (old) void old.$disconnect().catch(() => {})
	}
	const key = `${tenant.id}:${tenant.slug}`
	let handle = state.handles.get(key)
	if (!handle) {
		handle = townHandle(state.shared, tenantSchemaName(tenant.slug))
		handleTowns.set(handle, { id: tenant.id, slug: tenant.slug })
		state.handles.set(key, handle)
	}
	return handle
}

export function tenantClientCount() {
	return state.handles.size
}

/** How many Prisma clients (query compilers) serve the towns: one, whatever the number of towns. */
export function tenantPrismaClientCount() {
	return state.shared ? 1 : 0
}
