import type { Command } from 'commander'
import type pg from 'pg'
import { pino } from 'pino'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { AppError } from '../modules/errors/app-error'
import { isLocale, pickText, type LocalizedText } from '../modules/i18n/locales'
import { findJobTenant } from '../modules/jobs/find-job-tenant.server'
import { startJobs, stopJobs } from '../modules/jobs/jobs.server'
import { enqueueEmail } from '../modules/mail/enqueue-email.server'
import { mailTranslator } from '../modules/mail/mail-i18n'
import { townOrigin } from '../modules/tenancy/town-origin.server'

type TestOptions = { tenant: string; to: string; locale?: string; link?: string }

/**
 * `portal mail test`: queues a `notification` e-mail from a town, for an operator to check the SMTP
 * settings of the worker (or, in the demo, to see a message on /platform/mail). It only enqueues:
 * the process that works jobs sends it.
 */
export function registerMailCommands(program: Command, connect: () => pg.Pool) {
	const mail = program.command('mail').description('e-mail: send a test message')
	mail
		.command('test')
		.description("queue a test e-mail from a town (sent by the process that runs jobs, with the town's look)")
		.requiredOption('--tenant <slug>', 'the town it comes from')
		.requiredOption('--to <address>', 'who gets it')
		.option('--locale <cs|en|uk>', "its language (default: the town's default language)")
		.option('--link <url>', "an http(s) link for its button (default: the town's portal, from its primary host and PUBLIC_URL_SCHEME/PUBLIC_URL_PORT)")
		.action(async (options: TestOptions) => {
			const pool = connect()
			const tenant = await findJobTenant(options.tenant)
			if (!tenant) throw new AppError('tenant_not_found', `No town with slug ${options.tenant}. See: npm run cli -- tenant list`)
			if (tenant.status === 'suspended') console.warn(`${tenant.slug} is suspended: the worker will skip this e-mail.`)
			const settings = await getTenantDb(tenant).townSettings.findUnique({ where: { id: 1 }, select: { name: true, defaultLocale: true } })
			if (options.locale !== undefined && !isLocale(options.locale))
				throw new AppError('job_payload_invalid', `--locale: must be cs, en or uk (got ${options.locale})`)
			const locale = options.locale ?? (isLocale(settings?.defaultLocale) ? settings.defaultLocale : 'cs')
			const t = mailTranslator(locale)
			const town = pickText(settings?.name as LocalizedText | undefined, locale) || tenant.name
			const link = options.link ?? (tenant.primaryHost ? `${townOrigin(tenant.primaryHost)}/` : undefined)
			await startJobs({ pool, log: pino({ level: 'warn' }) })
			try {
				const id = await enqueueEmail({
					tenantSlug: tenant.slug,
					to: options.to,
					locale,
					template: 'notification',
					data: {
						subject: t('testMessage.subject', { town }),
						paragraphs: [t('testMessage.first', { town }), t('testMessage.second')],
						...(link ? { action: { label: t('testMessage.action'), link } } : {}),
					},
				})
				console.log(`Queued test e-mail ${id} from ${tenant.slug} to ${options.to} (${locale}); the process that runs jobs sends it.`)
			} finally {
				await stopJobs()
			}
		})
}
