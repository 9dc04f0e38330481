import type { Command } from 'commander'
import type pg from 'pg'
import { generateClaims } from '../modules/claims/generate-claims.server'
import { getPlatformDb } from '../modules/db/platform-db.server'
import { isValidVariableSymbol } from '../modules/claims/variable-symbol'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { AppError } from '../modules/errors/app-error'
import { QrPaymentError } from '../modules/payments/qr-payment-error'
import { qrDetailsForVariableSymbol } from '../modules/payments/qr-spayd.server'

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
			if (!/^\d{4}$/.test(options.year) || year < 2000 || year > 2099)
				throw new AppError('input_invalid', `Year must be four digits between 2000 and 2099, not ${options.year}`)
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
			console.log(
				`${tenant.slug} ${year}: ${result.created} claims issued, ${result.existing} already existed (rules v${result.ruleVersion}, ${Date.now() - started} ms)`,
			)
		})
	claims
		.command('qr')
		.description('print the QR Platba (SPAYD) string for a variable symbol: a claim (outstanding amount, no discount) or a portal QR payment (its amount)')
		.requiredOption('--tenant <slug>', 'the town')
		.requiredOption('--vs <variable symbol>', 'the 10-digit variable symbol')
		.action(async (options: { tenant: string; vs: string }) => {
			if (!isValidVariableSymbol(options.vs))
				throw new AppError('input_invalid', `${options.vs} is not a variable symbol of this portal (10 digits with a check digit)`)
			connect()
			const tenant = await getPlatformDb().tenant.findUnique({ where: { slug: options.tenant }, select: { id: true, slug: true } })
			if (!tenant) throw new AppError('tenant_not_found', `No town with slug ${options.tenant}. See: npm run cli -- tenant list`)
			let details
			try {
				details = await qrDetailsForVariableSymbol(getTenantDb(tenant), options.vs)
			} catch (error) {
				if (error instanceof QrPaymentError) throw new AppError('input_invalid', error.message)
				throw error
			}
			if (!details) throw new AppError('input_invalid', `No claim or portal payment with variable symbol ${options.vs} in ${tenant.slug}`)
			console.log(details.spayd)
		})
}
