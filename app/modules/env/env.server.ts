import { z } from 'zod'
import { AppError } from '../errors/app-error'
import { enforcesProductionRules } from './demo-mode'

const port = z.coerce.number().int().min(0).max(65535)
const positiveInt = z.coerce.number().int().positive()

export const EnvSchema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		HOST: z.string().min(1).default('0.0.0.0'),
		PORT: port.default(3000),
		DATABASE_URL: z
			.string()
			.regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
			.optional(),
		DB_POOL_MAX: positiveInt.max(200).default(10),
		PLATFORM_HOST: z
			.string()
			.regex(/^[a-z0-9.-]+(:\d+)?$/, 'must be a lower-case host name such as admin.localhost')
			.default('admin.localhost'),
		// The scheme and port of absolute links to towns (e-mails, gateway and NIA addresses, CLI output);
		// the host is always the town's stored primary host (app/modules/tenancy/town-origin.server.ts).
		PUBLIC_URL_SCHEME: z.enum(['http', 'https']).optional(),
		PUBLIC_URL_PORT: port.min(1).optional(),
		// Card gateway simulators (simulators/gopay, simulators/stripe on this machine) as a town's API URL:
		// for tests only (the demo allows them itself); ignored when NODE_ENV=production (docs/decisions/014).
		ALLOW_GATEWAY_SIMULATORS: z
			.enum(['true', 'false'])
			.default('false')
			.transform((value) => value === 'true'),
		// ARES, the register of economic subjects (IČO lookups for grant applicants): its REST API base.
		// Only the official base, or the simulator (simulators/ares) on this machine where gateway simulators
		// are allowed (app/modules/ares/ares-client.server.ts, docs/decisions/026).
		ARES_API_URL: z.string().url().default('https://ares.gov.cz/ekonomicke-subjekty-v-be/rest'),
		ARES_TIMEOUT_MS: positiveInt.max(60_000).default(5_000),
		TENANT_CACHE_TTL_MS: positiveInt.default(300_000),
		TENANT_CLIENT_CACHE_SIZE: positiveInt.max(10_000).default(2_000),
		SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
		LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
		DATA_DIR: z.string().min(1).default('.data'),
		TRUST_PROXY: z
			.enum(['true', 'false'])
			.default('false')
			.transform((value) => value === 'true'),
		// Keys for secrets at rest (app/modules/secrets): "<id>:<base64 of 32 bytes>,…"; required in production.
		SECRETS_KEYS: z
			.string()
			.regex(
				/^[\w-]{1,32}:[A-Za-z0-9+/]{43}=(,[\w-]{1,32}:[A-Za-z0-9+/]{43}=)*$/,
				'must be <id>:<base64 of 32 random bytes>[,…], e.g. from `openssl rand -base64 32`',
			)
			.optional(),
		SECRETS_ACTIVE_KEY: z
			.string()
			.regex(/^[\w-]{1,32}$/)
			.optional(),
		// Jobs and e-mail (app/modules/jobs, app/modules/mail). Unset RUN_JOBS_IN_PROCESS means: true except in production.
		RUN_JOBS_IN_PROCESS: z
			.enum(['true', 'false'])
			.transform((value) => value === 'true')
			.optional(),
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?\S*)?$/, 'must be an smtp:// or smtps:// URL such as smtp://relay.example:587')
			.optional(),
		MAIL_FROM_DOMAIN: z
			.string()
			.regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, 'must be a lower-case domain such as mail.portal.example')
			.optional(),
	})
	.superRefine((env, ctx) => {
		// The demo (--demo) runs in production mode with its fixed demo key (demo-mode.ts).
		if (enforcesProductionRules(env.NODE_ENV) && !env.SECRETS_KEYS) {
			ctx.addIssue({ code: 'custom', path: ['SECRETS_KEYS'], message: 'is required in production (secrets at rest are encrypted with it)' })
		}
	})

export type Env = z.infer<typeof EnvSchema>

/** Parses the environment; a wrong value stops the caller with a message naming the variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
	const result = EnvSchema.safeParse(source)
	if (result.success) return result.data
	const problems = result.error.issues.map(
		(issue) =>
			`${issue.path.join('.')}: ${issue.message} (got ${issue.path[0] === 'SECRETS_KEYS' ? (source.SECRETS_KEYS ? 'a value, hidden' : 'nothing') : describeValue(source[String(issue.path[0])])})`,
	)
	throw new AppError('config_invalid', 'Invalid configuration in the environment:', problems)
}

// The message goes to the terminal and the logs: a connection URL's password must not go with it.
function describeValue(value: string | undefined) {
	return JSON.stringify(value?.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@'))
}

let cached: Env | undefined
export function getEnv(): Env {
	cached ??= parseEnv()
	return cached
}
