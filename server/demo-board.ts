import { readdir } from 'node:fs/promises'
import type pg from 'pg'
import type { Logger } from 'pino'
import { addDays, dayToDate, pragueDay } from '../app/modules/board/board-clock.server'
import type { BoardCategory } from '../app/modules/board/board-categories'
import { checkBoardPdf } from '../app/modules/board/check-board-pdf.server'
import { postBoardDocument } from '../app/modules/board/post-board-document.server'
import { renderDemoBoardPdf } from '../app/modules/board/render-demo-board-pdf.server'
import { getTenantDb, type TenantDb } from '../app/modules/db/tenant-db.server'

type DemoDocument = {
	title: string
	description: string
	category: BoardCategory
	referenceNumber?: string
	fileMark?: string
	concerns?: string
	fromDays: number
	untilDays: number
}

const DOCUMENTS: Record<string, DemoDocument[]> = {
	'veseli-nad-moravou': [
		{
			title: 'Veřejná vyhláška – návrh rozpočtu města na rok 2027',
			description: 'Návrh rozpočtu je k nahlédnutí na finančním odboru a v příloze.',
			category: 'budget',
			referenceNumber: 'MVnM/12345/2026',
			fileMark: 'FO/201/2026',
			fromDays: 0,
			untilDays: 15,
		},
		{
			title: 'Oznámení o zahájení územního řízení – cyklostezka podél Moravy',
			description: 'Stavební úřad oznamuje zahájení územního řízení.',
			category: 'building',
			referenceNumber: 'MVnM/12001/2026',
			fileMark: 'SÚ/88/2026',
			concerns: 'vlastníci pozemků v k. ú. Veselí nad Moravou',
			fromDays: 0,
			untilDays: 30,
		},
		{
			title: 'Oznámení o době a místě konání zasedání zastupitelstva',
			description: 'Zasedání se koná ve velkém sále radnice.',
			category: 'notices',
			fromDays: 3,
			untilDays: 20,
		},
	],
	znojmo: [
		{
			title: 'Obecně závazná vyhláška o místním poplatku ze psů',
			description: 'Vyhláška nabývá účinnosti 1. ledna.',
			category: 'decrees',
			referenceNumber: 'MUZN/55001/2026',
			fromDays: 0,
			untilDays: 15,
		},
		{
			title: 'Záměr pronájmu nebytových prostor – Obroková 10',
			description: 'Město zveřejňuje záměr pronájmu.',
			category: 'property',
			referenceNumber: 'MUZN/54870/2026',
			fileMark: 'OM/412/2026',
			fromDays: 0,
			untilDays: 15,
		},
	],
}

/** A few documents on the board of each demo town the first time it starts (and an expired one for the archive). */
export async function seedDemoBoard(pool: pg.Pool, logger: Logger, now = new Date()) {
	const folders = new Set((await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name))
	const { rows } = await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM platform.tenant ORDER BY slug')
	for (const town of rows.filter((row) => folders.has(row.slug) && DOCUMENTS[row.slug])) {
		const db = getTenantDb(town)
		if (await db.boardDocument.count()) continue
		const today = pragueDay(now)
		// One rendered PDF serves every demo document (rendering is the slow part of a demo start).
		const content = await renderDemoBoardPdf('Ukázkový dokument úřední desky', 'Tento dokument je součástí ukázky portálu občana.')
		for (const document of DOCUMENTS[town.slug] ?? []) {
			const pdf = await checkBoardPdf(`${document.title}.pdf`, content)
			if (!pdf.ok) throw new Error(`demo board PDF refused: ${pdf.reason}`)
			await postBoardDocument({
				db,
				input: { ...document, postedFrom: addDays(today, document.fromDays), postedUntil: addDays(today, document.untilDays) },
				files: [pdf.file],
				staffId: null,
				staffName: 'demo',
				meta: { ip: null, requestId: null },
				now,
			})
		}
		await seedExpiredDocument(db, today)
		logger.info({ tenant: town.slug }, 'demo official board filled')
	}
}

// A document that was on the board last month, written directly (posting refuses past dates on purpose).
async function seedExpiredDocument(db: TenantDb, today: string) {
	const fields = {
		title: 'Oznámení o přerušení dodávky elektřiny',
		description: 'Distributor oznámil plánované přerušení dodávky elektřiny.',
		category: 'notices',
		postedFrom: dayToDate(addDays(today, -40)),
		postedUntil: dayToDate(addDays(today, -25)),
	}
	const document = await db.boardDocument.create({ data: { ...fields, state: 'expired', createdBy: 'demo', createdAt: dayToDate(addDays(today, -40)) } })
	await db.boardDocumentVersion.create({
		data: { documentId: document.id, version: 1, ...fields, changedBy: 'demo', changedAt: dayToDate(addDays(today, -40)) },
	})
	await db.boardTransition.createMany({
		data: [
			{ documentId: document.id, fromState: null, toState: 'planned', source: 'clerk', actor: 'demo', at: dayToDate(addDays(today, -40)) },
			{ documentId: document.id, fromState: 'planned', toState: 'posted', source: 'clerk', actor: 'demo', at: dayToDate(addDays(today, -40)) },
			{ documentId: document.id, fromState: 'posted', toState: 'expired', source: 'clock', at: dayToDate(addDays(today, -24)) },
		],
	})
}
