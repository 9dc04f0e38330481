import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { setGatewayCredential } from './gateway-credentials.server'
import type { CardProvider } from './providers/payment-provider'

/**
 * Vendor onboarding (`portal gateways set`): the town's blueprint names the environment variables
 * (`gateways: gopay: clientSecret: { env: … }`), the operator sets them in the shell, and the values go
 * straight into the encrypted credential. Nothing reads them back: only the masked hint is returned.
 */
export async function setGatewayFromEnvironment({
	db,
	provider,
	env = process.env,
	actor,
}: {
	db: TenantDb
	provider: CardProvider
	env?: Record<string, string | undefined>
	actor: string
}) {
	const settings = await db.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { gateways: true } })
	const refs = (settings.gateways as Record<string, Record<string, { env?: string }>> | null)?.[provider]
	if (!refs) throw new AppError('input_invalid', `The town's blueprint lists no ${provider} gateway (gateways: ${provider}: …)`)
	const missing = Object.values(refs)
		.map((ref) => ref.env ?? '')
		.filter((name) => !env[name])
	if (missing.length) throw new AppError('input_invalid', 'Set these environment variables first', missing)
	const values = Object.fromEntries(Object.entries(refs).map(([field, ref]) => [field, env[ref.env ?? '']]))
	return setGatewayCredential({ db, provider, values, actor })
}
