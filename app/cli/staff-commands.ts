import { InvalidArgumentError, Option, type Command } from 'commander'
import { generate } from 'otplib'
import type pg from 'pg'
import { pino } from 'pino'
import { AGENDAS, STAFF_ROLES, type AgendaName, type StaffRoleName } from '../modules/access/permissions'
import { AppError } from '../modules/errors/app-error'
import { startJobs, stopJobs } from '../modules/jobs/jobs.server'
import { createVendor } from '../modules/platform-auth/create-vendor.server'
import { inviteStaffFromCli } from '../modules/staff/invite-staff-cli.server'
import { DEMO_TOTP_SECRET } from '../modules/staff/demo-staff'

// `portal staff invite`, `portal vendor create` and `portal demo totp` (see README, Staff sign-in).

/** A repeatable option limited to some values (commander's .choices() does not repeat). */
function collectChoice(allowed: readonly string[]) {
	return (value: string, previous: string[] = []) => {
		if (!allowed.includes(value)) throw new InvalidArgumentError(`Allowed: ${allowed.join(', ')}.`)
		return [...previous, value]
	}
}

function checkedEmail(value: string) {
	const email = value.trim().toLowerCase()
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw new AppError('input_invalid', `--email: "${value}" is not an e-mail address`)
	return email
}

async function readPasswordFromStdin() {
	if (process.stdin.isTTY) {
		throw new AppError('input_invalid', 'Pipe the password on standard input, e.g.: read -rs P && printf %s "$P" | npm run cli -- vendor create …')
	}
	const chunks: Buffer[] = []
	for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer))
	return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

export function registerStaffCommands(program: Command, { connect, actor }: { connect: () => pg.Pool; actor: string }) {
	const staff = program.command('staff').description("a town's office staff")
	staff
		.command('invite')
		.description("invite a member of staff by e-mail (prints the link too, e.g. for a new town's first admin)")
		.requiredOption('--tenant <slug>', 'the town')
		.requiredOption('--email <email>', 'their e-mail')
		.requiredOption('--name <name>', 'their full name')
		.addOption(new Option('--role <role>', 'admin, clerk or auditor (repeat for several)').argParser(collectChoice(STAFF_ROLES)).makeOptionMandatory())
		.addOption(new Option('--agenda <agenda>', 'for clerks: submissions, payments, grants (repeat)').argParser(collectChoice(AGENDAS)))
		.option('--base-url <url>', "the town's address in the link (default: the town's primary host with PUBLIC_URL_SCHEME/PUBLIC_URL_PORT, see .env.example)")
		.action(async (options: { tenant: string; email: string; name: string; role: StaffRoleName[]; agenda?: AgendaName[]; baseUrl?: string }) => {
			const email = checkedEmail(options.email)
			// Enqueue only: the server (or worker) that runs jobs sends the e-mail.
			await startJobs({ pool: connect(), log: pino({ level: 'warn' }) })
			const result = await inviteStaffFromCli({
				slug: options.tenant,
				email,
				name: options.name,
				roles: [...new Set(options.role)],
				agendas: [...new Set(options.agenda ?? [])],
				baseUrl: options.baseUrl,
				actor,
			}).finally(() => stopJobs())
			console.log(`Invitation sent to ${email} (valid until ${result.expiresAt.toISOString()}).`)
			console.log(`Link (single use): ${result.link}`)
		})

	const vendor = program.command('vendor').description("the platform vendor's staff")
	vendor
		.command('create')
		.description('create a vendor staff account; the password is read from standard input; TOTP is set up at once')
		.requiredOption('--email <email>', 'their e-mail')
		.requiredOption('--name <name>', 'their full name')
		.action(async (options: { email: string; name: string }) => {
			connect()
			checkedEmail(options.email)
			const password = await readPasswordFromStdin()
			const created = await createVendor({ email: options.email, name: options.name, password, actor })
			console.log(`Vendor account ${options.email.trim().toLowerCase()} created.`)
			console.log('Add it to an authenticator app (shown only now):')
			console.log(`  secret: ${created.secret}`)
			console.log(`  URI:    ${created.uri}`)
			console.log('Recovery codes, each usable once (shown only now):')
			for (const code of created.recoveryCodes) console.log(`  ${code}`)
		})

	program
		.command('demo')
		.description('demo helpers')
		.command('totp')
		.description('print the current TOTP code of the demo staff accounts (their secret is public)')
		.action(async () => {
			console.log(await generate({ secret: DEMO_TOTP_SECRET }))
		})
}
