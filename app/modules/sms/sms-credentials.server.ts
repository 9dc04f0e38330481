// A town's SMS provider credential (issue 15), kept like the card gateways' (gateway-credentials.server.ts):
// encrypted at rest with the key id for rotation, shown only masked, one active per provider; saving
// a new one retires the old. Only the sending code reads the plain values (loadSmsClient).
import { z } from 'zod'
import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { decryptSecret, encryptSecret } from '../secrets/secrets.server'
import { assertAllowedSmsApiUrl } from './sms-api-url.server'
import { createSmsBranaClient } from './smsbrana-client.server'
import type { SmsClient, SmsProviderName } from './sms-provider'

type Db = TenantDb | Prisma.TransactionClient

export const SmsBranaCredentialSchema = z.object({
	apiUrl: z.url().default('https://api.smsbrana.cz/smsconnect/http.php'),
	login: z.string().trim().min(1).max(100),
	password: z.string().min(1).max(200),
})

export async function setSmsCredential({
	db,
	values,
	actor,
	provider = 'smsbrana',
}: {
	db: TenantDb
	values: unknown
	actor: string | null
	provider?: SmsProviderName
}) {
	const parsed = SmsBranaCredentialSchema.safeParse(values)
	if (!parsed.success)
		throw new AppError(
			'input_invalid',
			'The SMS credential is invalid',
			parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
		)
	assertAllowedSmsApiUrl(parsed.data.apiUrl)
	const stored = encryptSecret(JSON.stringify(parsed.data))
	const now = new Date()
	return db.$transaction(async (tx) => {
		await tx.smsCredential.updateMany({ where: { provider, status: 'active' }, data: { status: 'retired', retiredAt: now } })
		return tx.smsCredential.create({
			data: {
				provider,
				config: stored,
				keyId: stored.split(':')[2] ?? '',
				status: 'active',
				activatedAt: now,
				maskedHint: `${parsed.data.login.slice(0, 3)}… @ ${new URL(parsed.data.apiUrl).host}`,
				createdBy: actor,
			},
			select: { id: true, provider: true, maskedHint: true, status: true },
		})
	})
}

/** Whether the town sends SMS at all (an active credential). */
export async function hasSmsProvider(db: Db): Promise<boolean> {
	return (await db.smsCredential.count({ where: { status: 'active' } })) > 0
}

/** The client of the town's active provider, or null when the town has none. */
export async function loadSmsClient(db: Db, options: { fetch?: typeof fetch } = {}): Promise<{ provider: SmsProviderName; client: SmsClient } | null> {
	const row = await db.smsCredential.findFirst({ where: { status: 'active' }, select: { provider: true, config: true } })
	if (!row) return null
	const config = SmsBranaCredentialSchema.parse(JSON.parse(decryptSecret(row.config)))
	return { provider: row.provider as SmsProviderName, client: createSmsBranaClient(config, options) }
}

/** Turns the town's SMS off: the active credential is retired (kept, masked, in the history). */
export async function retireSmsCredential(db: TenantDb) {
	return db.smsCredential.updateMany({ where: { status: 'active' }, data: { status: 'retired', retiredAt: new Date() } })
}

/** Masked history for the admin page, newest first: never the secret. */
export function listSmsCredentials(db: TenantDb, take = 20) {
	return db.smsCredential.findMany({
		orderBy: { createdAt: 'desc' },
		select: { id: true, provider: true, status: true, maskedHint: true, keyId: true, createdBy: true, createdAt: true },
		take,
	})
}
