import { createHash } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'
import { addDays, boardNow, dateToDay, dayToDate, pragueDay } from './board-clock.server'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The canonical list of what the board showed on a Prague calendar day: one JSON line per document
 * (sorted by id) with the version in force at the end of that day and the SHA-256 of each of its
 * files. Anyone holding the text can recompute the day's hash.
 */
export async function canonicalBoardDay({ db, day }: { db: TenantDb; day: string }) {
	const date = dayToDate(day)
	const documents = await db.boardDocument.findMany({
		where: { postedFrom: { lte: date }, postedUntil: { gte: date } },
		orderBy: { id: 'asc' },
		select: {
			id: true, state: true, removedAt: true,
			versions: { orderBy: { version: 'desc' } },
			attachments: { select: { id: true, sha256: true } },
		},
	})
	const lines: string[] = []
	for (const document of documents) {
		if (document.state === 'removed_early' && document.removedAt && pragueDay(document.removedAt) < day) continue
		// The version in force at the end of that day: the last one changed on or before it (Prague calendar).
		const version = document.versions.find((v) => pragueDay(v.changedAt) <= day)
		if (!version) continue
		const hashes = new Map(document.attachments.map((a) => [a.id, a.sha256]))
		lines.push(
			JSON.stringify({
				id: document.id,
				version: version.version,
				title: version.title,
				referenceNumber: version.referenceNumber,
				fileMark: version.fileMark,
				postedFrom: dateToDay(version.postedFrom),
				postedUntil: dateToDay(version.postedUntil),
				documentHash: sha256(JSON.stringify([version.title, version.description, version.category, version.concerns])),
				attachments: version.attachmentIds.map((id) => hashes.get(id) ?? null),
			}),
		)
	}
	const canonical = lines.join('\n')
	return { canonical, listHash: sha256(canonical), documentCount: lines.length }
}

/**
 * Stores the fingerprint (otisk) of every finished day from `since` days back to yesterday that has
 * none yet. A stored day is never rewritten: it is the proof of what was posted when.
 */
export async function takeBoardSnapshots({ db, now = boardNow(), daysBack = 7 }: { db: TenantDb; now?: Date; daysBack?: number }) {
	const today = pragueDay(now)
	let taken = 0
	for (let back = daysBack; back >= 1; back--) {
		const day = addDays(today, -back)
		const exists = await db.boardSnapshot.count({ where: { day: dayToDate(day) } })
		if (exists) continue
		const snapshot = await canonicalBoardDay({ db, day })
		const created = await db.boardSnapshot.createMany({ data: [{ day: dayToDate(day), ...snapshot }], skipDuplicates: true })
		taken += created.count
	}
	return { taken }
}

export async function latestBoardSnapshot(db: TenantDb) {
	return db.boardSnapshot.findFirst({ orderBy: { day: 'desc' }, select: { day: true, listHash: true, documentCount: true, createdAt: true } })
}
