// The blueprint's `records:` section: which records system (spisová služba) a town files submissions
// into. Credentials are `{ env: NAME }` references; the values stay in the environment.
import { z } from 'zod'
import { SecretRefSchema } from '../tenancy/secret-ref-schema'

const HttpUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

export const WebhookConnectorConfigSchema = z
	.object({
		kind: z.literal('webhook'),
		/** Where the portal POSTs each submission. */
		url: HttpUrlSchema,
		/** Signs what the portal sends (X-Portal-Signature). */
		secret: SecretRefSchema,
		/** Verifies the status callbacks the records system sends to /api/records/status. */
		callbackSecret: SecretRefSchema,
		timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
	})
	.strict()

export const EmailConnectorConfigSchema = z
	.object({
		kind: z.literal('email'),
		/** The filing office (podatelna) mailbox. */
		to: z.email({ error: 'must be the filing office e-mail address' }),
		from: z.email().optional(),
	})
	.strict()

export const GinisConnectorConfigSchema = z
	.object({
		kind: z.literal('ginis'),
		/** Base URLs of the GINIS services (GRest JSON): SSL for documents, GIN for clerks. */
		urls: z.object({ ssl: HttpUrlSchema, gin: HttpUrlSchema, pod: HttpUrlSchema.optional() }).strict(),
		username: SecretRefSchema,
		password: SecretRefSchema,
		/** Document type and filing node the portal's documents are registered under. */
		documentTypeId: z.string().min(1),
		filingNodeId: z.string().min(1).optional(),
	})
	.strict()

export const RecordsConnectorConfigSchema = z.discriminatedUnion(
	'kind',
	[WebhookConnectorConfigSchema, EmailConnectorConfigSchema, GinisConnectorConfigSchema],
	{
		error: 'records.kind must be webhook, email or ginis',
	},
)

export type RecordsConnectorConfig = z.infer<typeof RecordsConnectorConfigSchema>
export type WebhookConnectorConfig = z.infer<typeof WebhookConnectorConfigSchema>
export type EmailConnectorConfig = z.infer<typeof EmailConnectorConfigSchema>
export type GinisConnectorConfig = z.infer<typeof GinisConnectorConfigSchema>
