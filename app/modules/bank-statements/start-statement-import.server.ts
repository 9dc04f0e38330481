import { importStatement, type ImportStatementInput } from './import-statement.server'
import type { StatementError } from './types'

export type StartResult = { ok: true; statementId: string } | { ok: false; errors: StatementError[] }

/**
 * Starts an import for the back office and answers as soon as the file has parsed and its statement
 * row exists (or the file was refused); the rest runs on in the background while the page polls the
 * statement's progress. A server stopped mid-import leaves the statement unfinished and its stored but
 * unmatched movements in the clerk queue; nothing is credited twice by importing the file again.
 */
export function startStatementImport(input: Omit<ImportStatementInput, 'onStarted'>): Promise<StartResult> {
	return new Promise((resolve, reject) => {
		let started = false
		importStatement({
			...input,
			onStarted: (statementId) => {
				started = true
				resolve({ ok: true, statementId })
			},
		})
			.then((result) => {
				if (!result.ok) resolve(result)
			})
			.catch((error: unknown) => {
				if (!started) return reject(error)
				console.error(JSON.stringify({ msg: 'bank statement import failed', tenant: input.tenant.slug, error: String(error) }))
			})
	})
}
