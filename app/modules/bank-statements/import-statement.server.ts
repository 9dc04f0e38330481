// Importing a bank statement (issue 4): parse the whole file first (a malformed file is rejected
// whole with line numbers and nothing is written), then store its movements in batches skipping
// known movement keys, then match the new credits and apply the new reversals. Progress (0-100) is
// kept on bank_statement so the back office can poll it, and reported through onProgress.
import { createHash } from 'node:crypto'
import type pg from 'pg'
import { getPool } from '../db/pool.server'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { getTenantDb } from '../db/tenant-db.server'
import { insertMovements } from './insert-movements.server'
import { matchMovements } from './match-movements.server'
import { notifyOverpayments } from '../payments/notify-overpayments.server'
import { townOrigin } from '../tenancy/town-origin.server'
import { parseStatement, type StatementError } from './parse-statement'
import { reverseMovement } from './reverse-movement.server'

export type ImportSummary = {
	movements: number
	new: number
	duplicates: number
	credits: number
	debits: number
	matched: number
	paid: number
	partly: number
	overpaid: number
	unmatched: number
	reversals: number
	reversalsUnmatched: number
	creditAmount: number
	debitAmount: number
	matchedAmount: number
	unmatchedAmount: number
	ms: number
	/** Where the time went: parse, store, match (credits), reversals. */
	phases: { parseMs: number; storeMs: number; matchMs: number; reversalsMs: number }
}

export type ImportResult = { ok: true; statementId: string; summary: ImportSummary } | { ok: false; errors: StatementError[] }

export type ImportStatementInput = {
	/** With the town's host, the overpayment notices link to the town's payments page. */
	tenant: { id: string; slug: string; primaryHost?: string }
	bytes: Buffer
	fileName: string
	/** Who imported: a staff id or `cli:<user>`, stored on the statement and the matches. */
	actor: string
	staffId?: string | null
	pool?: pg.Pool
	onProgress?: (percent: number) => void
	/** Called once the statement row exists (the file parsed), before the long part starts. */
	onStarted?: (statementId: string) => void
}

const FORMATS = { gpc: 'gpc', camt053: 'camt053', fio: 'fio_json' } as const

export async function importStatement({
	tenant,
	bytes,
	fileName,
	actor,
	staffId = null,
	pool = getPool(),
	onProgress,
	onStarted,
}: ImportStatementInput): Promise<ImportResult> {
	const started = performance.now()
	const parsed = parseStatement(bytes, fileName)
	const parsedAt = performance.now()
	if (!parsed.ok) return { ok: false, errors: parsed.errors }
	const { statement } = parsed
	const db = getTenantDb(tenant)
	const schema = quoteIdent(tenantSchemaName(tenant.slug))
	const row = await db.bankStatement.create({
		data: {
			format: FORMATS[statement.format],
			fileName: fileName.slice(0, 255),
			sha256: createHash('sha256').update(bytes).digest('hex'),
			account: statement.accountNumber,
			periodFrom: statement.from ? new Date(`${statement.from}T00:00:00Z`) : null,
			periodTo: statement.to ? new Date(`${statement.to}T00:00:00Z`) : null,
			importedBy: actor,
			progress: 1,
		},
	})
	onStarted?.(row.id)
	let reported = 1
	// Progress writes are chained so they land in order and the final 100 is never overtaken.
	let writes: Promise<unknown> = Promise.resolve()
	const progress = (percent: number) => {
		const value = Math.max(reported, Math.min(99, Math.floor(percent)))
		if (value === reported) return
		reported = value
		onProgress?.(value)
		writes = writes.then(() => pool.query(`UPDATE ${schema}.bank_statement SET progress = $2 WHERE id = $1`, [row.id, value])).catch(() => {})
	}
	try {
		const all = statement.movements
		const stored = await insertMovements({
			pool,
			schema,
			statementId: row.id,
			movements: all,
			onChunk: (done) => progress(5 + (done / Math.max(1, all.length)) * 45),
		})
		const storedAt = performance.now()
		const credits = stored.filter((m) => m.kind === 'credit')
		const reversals = stored.filter((m) => m.kind === 'credit_reversal')
		const counts = await matchMovements({
			db,
			pool,
			schema,
			credits,
			actor,
			staffId,
			onChunk: (done, total) => progress(50 + (done / Math.max(1, total)) * 45),
		})
		const matchedAt = performance.now()
		let applied = 0
		for (const reversal of reversals) if (await reverseMovement({ db, reversal: { ...reversal, amount: Math.abs(reversal.amount) }, actor, staffId })) applied++
		const summary: ImportSummary = {
			movements: all.length,
			new: stored.length,
			duplicates: all.length - stored.length,
			credits: credits.length,
			debits: stored.filter((m) => m.kind === 'debit').length,
			matched: counts.matched,
			paid: counts.paid,
			partly: counts.partly,
			overpaid: counts.overpaid,
			unmatched: counts.unmatched,
			reversals: applied,
			reversalsUnmatched: reversals.length - applied,
			creditAmount: all.filter((m) => m.amount > 0).reduce((sum, m) => sum + m.amount, 0),
			debitAmount: all.filter((m) => m.amount < 0).reduce((sum, m) => sum - m.amount, 0),
			matchedAmount: counts.matchedAmount,
			unmatchedAmount: counts.unmatchedAmount,
			ms: Math.round(performance.now() - started),
			phases: {
				parseMs: Math.round(parsedAt - started),
				storeMs: Math.round(storedAt - parsedAt),
				matchMs: Math.round(matchedAt - storedAt),
				reversalsMs: Math.round(performance.now() - matchedAt),
			},
		}
		await writes
		await db.bankStatement.update({ where: { id: row.id }, data: { progress: 100, summary, finishedAt: new Date() } })
		await db.auditLog.create({
			data: { action: 'bank.statement_imported', staffId, subject: `BankStatement:${row.id}`, details: { actor, fileName, ...summary } },
		})
		// Money that arrived on a cancelled QR payment (or any money above what was owed): tell the citizen.
		await notifyOverpayments({ db, townSlug: tenant.slug, townOrigin: tenant.primaryHost ? townOrigin(tenant.primaryHost) : undefined }).catch(
			(error: unknown) => {
				console.warn(JSON.stringify({ msg: 'overpayment notices not queued', tenant: tenant.slug, error: String(error) }))
			},
		)
		onProgress?.(100)
		return { ok: true, statementId: row.id, summary }
	} catch (error) {
		await writes
		// Stored movements stay (they are facts from the bank); unmatched ones wait in the clerk queue.
		await db.bankStatement
			.update({ where: { id: row.id }, data: { summary: { failed: true, error: String(error).slice(0, 500) }, finishedAt: new Date() } })
			.catch(() => {})
		throw error
	}
}
