import type { RecordsConnector } from './connector'
import type { RecordsConnectorConfig } from './connector-config'
import { createEmailConnector } from './connectors/email.server'
import { createGinisConnector } from './connectors/ginis.server'
import { createWebhookConnector } from './connectors/webhook.server'
import type { SecretRef } from '../tenancy/secret-ref-schema'

export type CreateConnectorContext = {
	townSlug: string
	/** Reads a `{ env: NAME }` reference; throws when the variable is unset. */
	resolveSecret: (ref: SecretRef) => string
}

/** The connector for a town's `records:` blueprint section. */
export function createConnector(config: RecordsConnectorConfig, { resolveSecret }: CreateConnectorContext): RecordsConnector {
	switch (config.kind) {
		case 'webhook':
			return createWebhookConnector({ url: config.url, secret: resolveSecret(config.secret), timeoutMs: config.timeoutMs })
		case 'email':
			return createEmailConnector({ to: config.to, from: config.from })
		case 'ginis':
			return createGinisConnector({
				urls: config.urls,
				username: resolveSecret(config.username),
				password: resolveSecret(config.password),
				documentTypeId: config.documentTypeId,
				filingNodeId: config.filingNodeId,
			})
	}
}
