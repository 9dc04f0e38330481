// npm run bench:bank: imports and matches a GPC statement of 100,000 movements (issue 4, target < 20 s).
//
// Scratch database portal_bench_bank -> migrations -> one town from tenants/_template -> BENCH_BANK_CLAIMS
// claims (default 5,000) -> a generated GPC file: one transfer per claim to its VS (every tenth short,
// every twentieth over), debits, and the rest credits with unknown symbols, 100,000 movements in all
// (BENCH_BANK_MOVEMENTS) -> importStatement timed -> the same file again (all duplicates) timed ->
// database dropped. Prints the summary and writes .cache/bench-bank-results.json.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateGpc, type GpcMovementInput } from '../app/modules/bank-statements/generate-gpc'
import { importStatement } from '../app/modules/bank-statements/import-statement.server'
import { makeVariableSymbol } from '../app/modules/claims/variable-symbol'
import { migrateDatabase } from '../app/modules/db/migrate.server'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { quoteIdent, tenantSchemaName } from '../app/modules/db/schema-name'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { createScratchDatabase, REPO_ROOT } from './built-server'

const MOVEMENTS = Math.max(1000, Math.min(1_000_000, Number(process.env.BENCH_BANK_MOVEMENTS ?? 100_000)))
const CLAIMS = Math.max(0, Math.min(MOVEMENTS / 2, Number(process.env.BENCH_BANK_CLAIMS ?? 5_000)))

async function main() {
	const database = await createScratchDatabase('portal_bench_bank')
	const pool = initPool(database.url, { max: 4 })
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-bank-'))
	try {
		await migrateDatabase({ pool })
		// The template's slug must match its folder name, so it is loaded from a copy named after it.
		const dir = path.join(tmp, 'template-town')
		cpSync(path.join(REPO_ROOT, 'tenants/_template'), dir, { recursive: true })
		const blueprint = await loadBlueprint(dir)
		await applyBlueprint({ pool, blueprint, actor: 'bench' })
		const { rows } = await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM platform.tenant WHERE slug = $1', [blueprint.slug])
		const tenant = rows[0]!
		const s = quoteIdent(tenantSchemaName(tenant.slug))

		const symbols = Array.from({ length: CLAIMS }, (_, i) => makeVariableSymbol(2026, 1_000_000 + i))
		const resident = await pool.query<{ id: string }>(
			`INSERT INTO ${s}.resident (given_name, family_name, date_of_birth) VALUES ('Jana', 'Nováková', '1985-01-01') RETURNING id`,
		)
		await pool.query(
			`INSERT INTO ${s}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key)
			 SELECT $1, 'waste', 2026, '{"cs":"Odpad"}', 72000, 72000, '2026-05-31', vs, 'bench:' || vs FROM unnest($2::text[]) AS t(vs)`,
			[resident.rows[0]!.id, symbols],
		)
		const movements: GpcMovementInput[] = []
		symbols.forEach((vs, i) => movements.push({ vs, amount: i % 10 === 0 ? 36000 : i % 20 === 1 ? 80000 : 72000, date: '2026-05-20' }))
		for (let i = movements.length; i < MOVEMENTS; i++) {
			movements.push(
				i % 5 === 0 ? { amount: -((i % 997) + 1) * 100, date: '2026-05-21' } : { vs: String(9_000_000 + i), amount: ((i % 991) + 1) * 100, date: '2026-05-21' },
			)
		}
		const bytes = generateGpc({ account: '1778900100', movements })
		console.log(
			`Importing a GPC statement of ${MOVEMENTS.toLocaleString('en')} movements (${(bytes.length / 1e6).toFixed(1)} MB), ${CLAIMS.toLocaleString('en')} of them paying claims …`,
		)
		let lastPrinted = -10
		const first = await importStatement({
			tenant,
			pool,
			bytes,
			fileName: 'bench.gpc',
			actor: 'bench',
			onProgress: (p) => {
				if (p - lastPrinted >= 10 || p === 100) process.stdout.write(`  ${(lastPrinted = p)} %\n`)
			},
		})
		if (!first.ok) throw new Error(`import refused: ${JSON.stringify(first.errors.slice(0, 5))}`)
		console.log(`First import: ${(first.summary.ms / 1000).toFixed(2)} s`, first.summary)
		const again = await importStatement({ tenant, pool, bytes, fileName: 'bench.gpc', actor: 'bench' })
		if (!again.ok) throw new Error('second import refused')
		console.log(`Same file again (all duplicates): ${(again.summary.ms / 1000).toFixed(2)} s, new ${again.summary.new}`)
		const results = {
			movements: MOVEMENTS,
			claims: CLAIMS,
			firstImportS: first.summary.ms / 1000,
			reimportS: again.summary.ms / 1000,
			summary: first.summary,
			at: new Date().toISOString(),
		}
		mkdirSync(path.join(REPO_ROOT, '.cache'), { recursive: true })
		writeFileSync(path.join(REPO_ROOT, '.cache/bench-bank-results.json'), JSON.stringify(results, null, 2))
		console.log(first.summary.ms < 20_000 ? 'Within the 20 s target.' : 'SLOWER than the 20 s target.')
	} finally {
		await closePool().catch(() => {})
		await database.drop()
		rmSync(tmp, { recursive: true, force: true })
	}
}

await main()
