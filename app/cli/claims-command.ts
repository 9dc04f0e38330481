import type { Command } from 'commander'
import type pg from 'pg'
import { generateClaims } from '../modules/claims/generate-claims.server'
import { getPlatformDb } from '../modules/db/platform-db.server'
import { AppError } from '../modules/errors/app-error'

/** `portal claims generate --tenant <slug> --year <yyyy>`: issues the year's claims (idempotent). */
export function registerClaimsCommands(program: Command, connect: () => pg.Pool) {
	const claims = program.command('claims').description('fees and claims')
	claims
		.command('generate')
		.description("issue the year's claims from the newest fee rules and the obligations (re-running creates no duplicates)")
		.requiredOption('--tenant <slug>', 'the town')
		.requiredOption('--year <yyyy>', 'the fee year')
		.action(async (options: { tenant: string; year: string }) => {
			const year = Number(options.year)
			if (!/^\d{4}$/.test(options.year) || year < 2000 || year > 2099) throw new AppError('input_invalid', `Year must be four digits between 2000 and 2099, not ${options.year}`)
			const pool = connect()
			const tenant = await getPlatformDb().tenant.findUnique({ where: { slug: options.tenant }, select: { slug: true } })
			if (!tenant) throw new AppError('tenant_not_found', `No town with slug ${options.tenant}. See: npm run cli -- tenant list`)
			const started = Date.now()
			const result = await generateClaims({
				pool,
				slug: tenant.slug,
				year,
				onProgress: ({ done, total }) => process.stdout.write(`\r  ${done}/${total} claims (${Math.round((done / total) * 100)} %)`),
			})
			if (result.created) process.stdout.write('\n')
			console.log(`${tenant.slug} ${year}: ${result.created} claims issued, ${result.existing} already existed (rules v${result.ruleVersion}, ${Date.now() - started} ms)`)
		})
}
