import { Command, CommanderError } from 'commander'
import { closePool, initPool } from '../modules/db/pool.server'
import { findDatabaseUrl } from '../modules/db/database-url.server'
import { isDatabaseUnavailable } from '../modules/db/is-database-unavailable'
import { migrateDatabase, type MigrationProgress } from '../modules/db/migrate.server'
import { parseEnv } from '../modules/env/env.server'
import { isAppError } from '../modules/errors/app-error'
import { applyBlueprint } from '../modules/tenancy/apply-blueprint.server'
import { exportBlueprint, writeExportedBlueprint } from '../modules/tenancy/export-blueprint.server'
import { listTenants } from '../modules/tenancy/list-tenants.server'
import { loadBlueprint } from '../modules/tenancy/load-blueprint.server'
import { setTenantStatus } from '../modules/tenancy/set-tenant-status.server'
import { registerStaffCommands } from './staff-commands'
import { registerMailCommands } from './mail-command'
import { registerNiaCommands } from './nia-command'
import { registerClaimsCommands } from './claims-command'
import { registerBankCommands } from './bank-command'
import { registerGatewayCommands } from './gateways-command'

// Exit codes: 0 done, 1 refused (bad input, nothing changed), 2 usage, 3 database unreachable.
const EXIT_REFUSED = 1
const EXIT_DATABASE = 3
const ACTOR = `cli:${process.env.USER ?? 'unknown'}`

function connect() {
	const env = parseEnv()
	const url = findDatabaseUrl(env)
	if (!url) {
		console.error('No database: set DATABASE_URL, or run `npm start` so the embedded demo database is up.')
		process.exit(EXIT_DATABASE)
	}
	return initPool(url, { max: 3 })
}

function printProgress(event: MigrationProgress) {
	if (event.type === 'schema') {
		const position = event.total ? `[${event.index}/${event.total}] ` : ''
		console.log(`${position}${event.schema}: ${event.pending ? `${event.pending} pending` : 'up to date'}`)
	} else {
		console.log(`    applied ${event.migration} (${event.ms} ms)`)
	}
}

const program = new Command().name('portal').description('Portál občana administration: towns, migrations').showHelpAfterError().exitOverride()

program
	.command('migrate')
	.description('apply SQL migrations to the platform schema and then every town schema')
	.action(async () => {
		const result = await migrateDatabase({ pool: connect(), onProgress: printProgress })
		console.log(`Done: ${result.schemas} schemas checked, ${result.applied} migrations applied.`)
	})

const tenant = program.command('tenant').description('create, list and manage towns')

tenant
	.command('apply')
	.argument('<dir>', 'blueprint folder, e.g. tenants/znojmo')
	.description('create or update a town from its blueprint (idempotent)')
	.option('--json', 'print the result as JSON')
	.action(async (dir: string, options: { json?: boolean }) => {
		const blueprint = await loadBlueprint(dir)
		const result = await applyBlueprint({ pool: connect(), blueprint, actor: ACTOR, onProgress: options.json ? undefined : printProgress })
		if (options.json) return console.log(JSON.stringify(result, null, 2))
		console.log(result.changes.length ? `${result.slug}: ${result.changes.join('; ')}` : `${result.slug}: no changes`)
	})

tenant
	.command('export')
	.argument('<slug>', 'the town slug')
	.option('--out <dir>', 'the folder to write <slug>/ into', 'tenants')
	.description("write the town's current state as a blueprint folder (tenant apply then reports no changes)")
	.action(async (slug: string, options: { out: string }) => {
		connect()
		const folder = await writeExportedBlueprint(await exportBlueprint(slug), options.out)
		console.log(`${slug}: written to ${folder}`)
	})

tenant
	.command('list')
	.description('list towns with their status and hosts')
	.option('--json', 'print as JSON')
	.action(async (options: { json?: boolean }) => {
		connect()
		const tenants = await listTenants()
		if (options.json) return console.log(JSON.stringify(tenants, null, 2))
		if (!tenants.length) return console.log('No towns yet. Create one with: npm run cli -- tenant apply tenants/<slug>')
		for (const t of tenants) console.log(`${t.slug.padEnd(24)} ${t.status.padEnd(10)} ${t.hosts.join(', ')}  ${t.name}`)
	})

for (const [name, status] of [
	['suspend', 'suspended'],
	['resume', 'active'],
] as const) {
	tenant
		.command(name)
		.argument('<slug>', 'the town slug')
		.description(status === 'suspended' ? 'take a town offline (its hosts answer 503)' : 'bring a suspended town back')
		.action(async (slug: string) => {
			const changed = await setTenantStatus({ pool: connect(), slug, status, actor: ACTOR })
			console.log(changed ? `${slug}: now ${status}` : `${slug}: already ${status}`)
		})
}

registerMailCommands(program, connect)

registerNiaCommands(program, connect)
registerClaimsCommands(program, connect)
registerBankCommands(program, connect, ACTOR)

registerStaffCommands(program, { connect, actor: ACTOR })
registerGatewayCommands(program, { connect, actor: ACTOR })

try {
	await program.parseAsync(process.argv)
} catch (error) {
	if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2
	else if (isAppError(error)) {
		console.error(error.message)
		process.exitCode = error.code === 'database_unavailable' ? EXIT_DATABASE : EXIT_REFUSED
	} else if (isDatabaseUnavailable(error)) {
		// Prisma wraps the driver's error in a multi-line message; its last line says what happened.
		const reason = error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error)
		console.error(`Cannot reach the database: ${reason}`)
		process.exitCode = EXIT_DATABASE
	} else {
		console.error(error)
		process.exitCode = EXIT_REFUSED
	}
} finally {
	await closePool()
}
