import type { Command } from 'commander'
import type pg from 'pg'
import { getPlatformDb } from '../modules/db/platform-db.server'
import { getEnv } from '../modules/env/env.server'
import { AppError } from '../modules/errors/app-error'
import { refreshIdpMetadata } from '../modules/nia/refresh-idp-metadata.server'
import { notifyTenantChanged } from '../modules/tenancy/tenant-events.server'

/**
 * `portal nia metadata refresh --tenant <slug>`: downloads the town's IdP metadata again from its URL
 * (NIA renews its signing certificate about once a year and publishes it only in the metadata). Logins
 * also refresh it when it is older than 24 h; this is for doing it now, e.g. on the day of a rollover.
 */
export function registerNiaCommands(program: Command, connect: () => pg.Pool) {
	const nia = program.command('nia').description('citizen login through NIA')
	nia
		.command('metadata')
		.description('IdP metadata')
		.command('refresh')
		.description("download the town's IdP metadata again from its URL and store it")
		.requiredOption('--tenant <slug>', 'the town')
		.action(async (options: { tenant: string }) => {
			const pool = connect()
			const tenant = await getPlatformDb().tenant.findUnique({ where: { slug: options.tenant }, select: { id: true, slug: true } })
			if (!tenant) throw new AppError('tenant_not_found', `No town with slug ${options.tenant}. See: npm run cli -- tenant list`)
			const result = await refreshIdpMetadata({ tenant, isProduction: getEnv().NODE_ENV === 'production' })
			// Running app processes drop their cached NIA configuration at once.
			await notifyTenantChanged(pool, tenant.slug)
			console.log(
				`${tenant.slug}: IdP ${result.entityId}, ${result.certificates} signing certificate(s), ${result.changed ? 'metadata updated' : 'metadata unchanged'}`,
			)
		})
}
