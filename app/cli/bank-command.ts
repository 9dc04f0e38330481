import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import type pg from 'pg'
import bankEn from '../locales/en/bank.json'
import { describeStatementError } from '../modules/bank-statements/describe-error'
import { importStatement, type ImportSummary } from '../modules/bank-statements/import-statement.server'
import { getPlatformDb } from '../modules/db/platform-db.server'
import { AppError } from '../modules/errors/app-error'

const MAX_FILE_BYTES = 200 * 1024 * 1024
const czk = (halere: number) => `${(halere / 100).toFixed(2)} CZK`

/** A bar on a terminal; plain percentage lines (every 10 %) when stderr is a pipe or a log. */
function progressPrinter(stream: NodeJS.WriteStream) {
	let last = -1
	return (percent: number) => {
		if (stream.isTTY) {
			const width = 30
			const filled = Math.round((percent / 100) * width)
			stream.write(`\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)} %`)
			if (percent === 100) stream.write('\n')
		} else if (percent === 100 || percent - last >= 10) {
			last = percent
			stream.write(`${percent} %\n`)
		}
	}
}

export function printSummary(s: ImportSummary) {
	const lines = [
		`Movements in the file:   ${s.movements} (${s.new} new, ${s.duplicates} already imported)`,
		`New credits:             ${s.credits}   debits (ignored): ${s.debits}`,
		`Matched:                 ${s.matched} (${s.paid} paid, ${s.partly} partly paid, ${s.overpaid} overpaid) = ${czk(s.matchedAmount)}`,
		`Unmatched (clerk queue): ${s.unmatched} = ${czk(s.unmatchedAmount)}`,
		`Reversals applied:       ${s.reversals}   waiting for a clerk: ${s.reversalsUnmatched}`,
		`Credits / debits total:  ${czk(s.creditAmount)} / ${czk(s.debitAmount)}`,
		`Time:                    ${(s.ms / 1000).toFixed(2)} s`,
	]
	console.log(lines.join('\n'))
}

/** `portal bank import --tenant <slug> <file> [--json]`: imports and matches a bank statement. */
export function registerBankCommands(program: Command, connect: () => pg.Pool, actor: string) {
	const bank = program.command('bank').description('bank statements')
	bank
		.command('import')
		.description('import a GPC (ABO), camt.053 or Fio JSON statement and match its credits to claims (re-importing adds nothing twice)')
		.requiredOption('--tenant <slug>', 'the town')
		.argument('<file>', 'the statement file')
		.option('--json', 'print the summary as JSON')
		.action(async (file: string, options: { tenant: string; json?: boolean }) => {
			const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
				throw new AppError('input_invalid', `Cannot read ${file}: ${error.code ?? error.message}`)
			})
			if (bytes.length > MAX_FILE_BYTES) throw new AppError('input_invalid', `${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`)
			const pool = connect()
			const tenant = await getPlatformDb().tenant.findUnique({ where: { slug: options.tenant }, select: { id: true, slug: true } })
			if (!tenant) throw new AppError('tenant_not_found', `No town with slug ${options.tenant}. See: npm run cli -- tenant list`)
			const result = await importStatement({ tenant, pool, bytes, fileName: path.basename(file), actor, onProgress: progressPrinter(process.stderr) })
			if (!result.ok) {
				if (options.json) console.log(JSON.stringify({ ok: false, errors: result.errors }, null, 2))
				throw new AppError(
					'input_invalid',
					`${file} was rejected; nothing was imported:`,
					result.errors.map((e) => describeStatementError(e, bankEn.errors)),
				)
			}
			if (options.json) return console.log(JSON.stringify({ ok: true, statementId: result.statementId, summary: result.summary }, null, 2))
			console.log(`${tenant.slug}: ${path.basename(file)} imported (statement ${result.statementId})`)
			printSummary(result.summary)
		})
}
