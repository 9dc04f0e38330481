import type { Command } from 'commander'
import type pg from 'pg'
import { getPlatformDb } from '../modules/db/platform-db.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { AppError } from '../modules/errors/app-error'
import { isCardProvider } from '../modules/payments/providers/payment-provider'

/**
 * `portal gateways set --tenant <slug> --provider gopay|stripe`: stores the town's gateway credential
 * from the environment variables its blueprint names (vendor onboarding; write-only).
 * `portal gateways list --tenant <slug>`: the masked history, never a secret.
 */
export function registerGatewayCommands(program: Command, { connect, actor }: { connect: () => pg.Pool; actor: string }) {
	const gateways = program.command('gateways').description("a town's card payment gateways (credentials are write-only)")
	async function town(slug: string) {
		connect()
		const tenant = await getPlatformDb().tenant.findUnique({ where: { slug }, select: { id: true, slug: true } })
		if (!tenant) throw new AppError('tenant_not_found', `No town with slug ${slug}. See: npm run cli -- tenant list`)
		return getTenantDb(tenant)
	}
	gateways
		.command('set')
		.description('store and activate the credential from the environment variables the blueprint names')
		.requiredOption('--tenant <slug>', 'the town')
		.requiredOption('--provider <provider>', 'gopay or stripe')
		.action(async (options: { tenant: string; provider: string }) => {
			if (!isCardProvider(options.provider)) throw new AppError('input_invalid', '--provider must be gopay or stripe')
			// Loaded on use: the CLI's start-up (and --help) stays as light as before.
			const { setGatewayFromEnvironment } = await import('../modules/payments/set-gateway-from-environment.server')
			const saved = await setGatewayFromEnvironment({ db: await town(options.tenant), provider: options.provider, actor })
			console.log(`${options.tenant}: ${saved.provider} credential stored and active (${saved.maskedHint})`)
		})
	gateways
		.command('list')
		.description('the credential history, masked')
		.requiredOption('--tenant <slug>', 'the town')
		.action(async (options: { tenant: string }) => {
			const { listGatewayCredentials } = await import('../modules/payments/gateway-credentials.server')
			for (const row of await listGatewayCredentials(await town(options.tenant))) {
				console.log(`${row.provider}\t${row.status}\t${row.maskedHint}\tkey ${row.keyId}\t${row.createdAt.toISOString()}\t${row.createdBy ?? ''}`)
			}
		})
}
