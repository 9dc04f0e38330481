import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import type { SecretRef } from '../tenancy/secret-ref-schema'
import type { RecordsConnector } from './connector'
import { RecordsConnectorConfigSchema, type RecordsConnectorConfig } from './connector-config'
import { createConnector } from './create-connector.server'

/** Reads a `{ env: NAME }` reference from this process's environment; a missing variable is a clear error. */
export function resolveEnvSecret(ref: SecretRef): string {
	const value = process.env[ref.env]
	if (!value) throw new AppError('config_invalid', `The environment variable ${ref.env} (named in the town's records: section) is not set`)
	return value
}

/** The town's records: section as applied from its blueprint; null when the town has none. */
export async function getTownRecordsConfig(db: TenantDb): Promise<RecordsConnectorConfig | null> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { recordsConnector: true } })
	const raw = settings?.recordsConnector
	if (!raw || (typeof raw === 'object' && Object.keys(raw).length === 0)) return null
	return RecordsConnectorConfigSchema.parse(raw)
}

export async function getTownConnector(db: TenantDb, townSlug: string, resolveSecret = resolveEnvSecret): Promise<RecordsConnector | null> {
	const config = await getTownRecordsConfig(db)
	return config ? createConnector(config, { townSlug, resolveSecret }) : null
}
