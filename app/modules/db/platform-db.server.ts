import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '../../generated/platform/client'
import { singleton } from '../util/singleton.server'
import { getPool } from './pool.server'
import { PLATFORM_SCHEMA } from './schema-name'

export type PlatformDb = PrismaClient
const state = singleton<{ client?: PrismaClient; pool?: unknown }>('platform-db', () => ({}))

export function getPlatformDb(): PlatformDb {
	const pool = getPool()
	if (!state.client || state.pool !== pool) {
		state.client = new PrismaClient({ adapter: new PrismaPg(pool, { schema: PLATFORM_SCHEMA }) })
		state.pool = pool
	}
	return state.client
}
