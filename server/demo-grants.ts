import { readdir } from 'node:fs/promises'
import type pg from 'pg'
import type { Logger } from 'pino'
import { addDays, pragueDay } from '../app/modules/board/board-clock.server'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { ProgrammeInputSchema } from '../app/modules/grants/programme-schema'
import { publishProgramme } from '../app/modules/grants/publish-programme.server'
import { saveProgramme } from '../app/modules/grants/save-programme.server'

type DemoProgramme = {
	code: string
	name: string
	purpose: string
	budget: number
	max: number
	min: number
	eligible: 'natural' | 'legal' | 'both'
	opens: number
	closes: number
	callName: string
}

// Days relative to the demo's start, so the demo always has an open call (and in Veselí a closed one).
const PROGRAMMES: Record<string, DemoProgramme[]> = {
	'veseli-nad-moravou': [
		{
			code: 'spolky-2027',
			name: 'Podpora spolkové činnosti 2027',
			purpose: 'Celoroční činnost spolků, klubů a zájmových kroužků ve městě.',
			budget: 500_000,
			max: 60_000,
			min: 5_000,
			eligible: 'both',
			opens: -5,
			closes: 30,
			callName: 'Výzva 2027',
		},
		{
			code: 'sport-2027',
			name: 'Podpora sportu 2027',
			purpose: 'Sportovní akce a tréninková činnost dětí a mládeže.',
			budget: 800_000,
			max: 150_000,
			min: 10_000,
			eligible: 'legal',
			opens: -60,
			closes: -10,
			callName: 'Výzva 2027 – sport',
		},
	],
	znojmo: [
		{
			code: 'kultura-2027',
			name: 'Kulturní akce 2027',
			purpose: 'Kulturní a společenské akce pro veřejnost ve Znojmě.',
			budget: 300_000,
			max: 40_000,
			min: 3_000,
			eligible: 'both',
			opens: -3,
			closes: 45,
			callName: 'Výzva 2027',
		},
	],
}

/** Demo grant programmes (issue 14) the first time a demo town starts; a town that has any is left as it is. */
export async function seedDemoGrants(pool: pg.Pool, logger: Logger, now = new Date()) {
	const folders = new Set((await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name))
	const { rows } = await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM platform.tenant ORDER BY slug')
	const today = pragueDay(now)
	for (const town of rows.filter((row) => folders.has(row.slug) && PROGRAMMES[row.slug])) {
		const db = getTenantDb(town)
		if (await db.grantProgramme.count()) continue
		const admin = await db.staffUser.findFirst({ where: { roles: { has: 'admin' } }, orderBy: { createdAt: 'asc' }, select: { id: true } })
		if (!admin) continue
		for (const p of PROGRAMMES[town.slug] ?? []) {
			const input = ProgrammeInputSchema.parse({
				code: p.code,
				name: p.name,
				purpose: p.purpose,
				reasons: 'Rozvoj občanské společnosti a volnočasových aktivit ve městě.',
				totalBudget: String(p.budget),
				maxGrant: String(p.max),
				minGrant: String(p.min),
				eligibleApplicants: p.eligible,
				coFinancingPercent: '20',
				costCategories: 'rent | Nájem prostor\nmaterial | Materiál a vybavení | 60\nservices | Služby\ntravel | Doprava | 30',
				criteria: 'benefit | Přínos pro město | 3 | 10\nreach | Počet zapojených osob | 2 | 10\nbudget | Hospodárnost rozpočtu | 1 | 5',
				requiredAttachments: '',
				conditions: 'Dotaci lze použít jen na uznatelné náklady vzniklé v roce 2027. Vyúčtování do 31. 1. 2028.',
				periodFrom: '2027-01-01',
				periodTo: '2027-12-31',
				settlementDeadline: '2028-01-31',
				decisionDeadline: addDays(today, p.closes + 45),
				callName: p.callName,
				opensOn: addDays(today, p.opens),
				closesOn: addDays(today, p.closes),
			})
			const { versionId } = await saveProgramme({ db, staffId: admin.id, input })
			// The demo's calls are already open: published with the admin's recorded override of the 30-day lead.
			await publishProgramme({ db, staffId: admin.id, staffName: 'demo', versionId, confirmOverride: true, now })
		}
		logger.info({ tenant: town.slug }, 'demo grant programmes published')
	}
}
