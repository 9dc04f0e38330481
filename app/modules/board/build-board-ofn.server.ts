// The board as open data in the national standard OFN "Úřední desky" (2021-07-20), JSON-LD.
// docs/open-data/ofn-schemas/ holds the schema this output is tested against (build-board-ofn.test.ts).
import type { TenantDb } from '../db/tenant-db.server'
import { boardNow, dateToDay, dayToDate, pragueDay } from './board-clock.server'
import { publicWhere } from './list-public-board.server'

export const OFN_BOARD_CONTEXT = 'https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld'
const PDF_MEDIA_TYPE = 'http://www.iana.org/assignments/media-types/application/pdf'

export type OfnBoardTown = { origin: string; ico: string }
export type OfnBoardDocument = {
	id: string
	title: string
	description: string
	category: string
	referenceNumber: string | null
	fileMark: string | null
	postedFrom: Date
	postedUntil: Date
	version: number
	attachments: { id: string; fileName: string }[]
}

const instant = (date: Date) => ({ typ: 'Časový okamžik', datum: dateToDay(date) })

/** Pure: the OFN document for a town and its current documents; category names are the Czech ones. */
export function buildBoardOfn(town: OfnBoardTown, documents: OfnBoardDocument[], categoryName: (code: string) => string) {
	const page = `${town.origin}/uredni-deska`
	return {
		'@context': OFN_BOARD_CONTEXT,
		typ: 'Úřední deska',
		iri: page,
		stránka: page,
		provozovatel: { typ: 'Osoba', ičo: town.ico },
		informace: documents.map((document) => {
			const url = `${page}/${document.id}`
			return {
				typ: ['Digitální objekt', 'Informace na úřední desce'],
				iri: url,
				url,
				název: { cs: document.title },
				...(document.description ? { popis: { cs: document.description } } : {}),
				vyvěšení: instant(document.postedFrom),
				relevantní_do: instant(document.postedUntil),
				...(document.referenceNumber ? { číslo_jednací: document.referenceNumber } : {}),
				...(document.fileMark ? { spisová_značka: document.fileMark } : {}),
				revize: String(document.version),
				dokument: document.attachments.map((attachment) => ({
					typ: 'Digitální objekt',
					název: { cs: attachment.fileName },
					url: `${url}/priloha/${attachment.id}`,
					typ_média: PDF_MEDIA_TYPE,
				})),
				agenda: [{ typ: 'Agenda', název: { cs: categoryName(document.category) } }],
			}
		}),
	}
}

/** The documents on the board today, with the attachments of their current version. */
export async function loadCurrentBoardDocuments({
	db,
	now = boardNow(),
}: {
	db: TenantDb
	now?: Date
}): Promise<{ documents: OfnBoardDocument[]; lastModified: Date | null }> {
	const today = pragueDay(now)
	const rows = await db.boardDocument.findMany({
		where: publicWhere('current', today),
		orderBy: [{ postedFrom: 'desc' }, { createdAt: 'desc' }],
		select: {
			id: true,
			title: true,
			description: true,
			category: true,
			referenceNumber: true,
			fileMark: true,
			postedFrom: true,
			postedUntil: true,
			version: true,
			updatedAt: true,
			versions: { orderBy: { version: 'desc' }, take: 1, select: { attachmentIds: true } },
			attachments: { select: { id: true, fileName: true }, orderBy: { createdAt: 'asc' } },
		},
	})
	// The list changes when a document is edited or when a day begins (documents come and go by date).
	const dayStart = dayToDate(today)
	let lastModified: Date | null = rows.length ? dayStart : null
	const documents = rows.map(({ versions, attachments, updatedAt, ...document }) => {
		if (!lastModified || updatedAt > lastModified) lastModified = updatedAt
		const current = new Set(versions[0]?.attachmentIds ?? [])
		return { ...document, attachments: attachments.filter((a) => current.has(a.id)) }
	})
	return { documents, lastModified }
}
