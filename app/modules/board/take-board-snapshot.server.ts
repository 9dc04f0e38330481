import { createHash } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'
import { addDays, boardNow, dateToDay, dayToDate, pragueDay } from './board-clock.server'
import { currentBoardSigningKey, signSnapshot } from './board-signature.server'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * The canonical list of what the board showed on a Prague calendar day: one JSON line per document
 * (sorted by id) with the version in force at the end of that day and the SHA-256 of each of its
 * files. Anyone holding the text can recompute the day's hash.
 */
const DOCUMENT_SELECT = {
	id: true,
	state: true,
	removedAt: true,
	postedFrom: true,
	postedUntil: true,
	versions: { orderBy: { version: 'desc' } },
	attachments: { select: { id: true, sha256: true } },
} as const

type BoardDayDocument = Awaited<ReturnType<typeof loadDocuments>>[number]

function loadDocuments(db: TenantDb, from: string, to: string) {
	return db.boardDocument.findMany({
		where: { postedFrom: { lte: dayToDate(to) }, postedUntil: { gte: dayToDate(from) } },
		orderBy: { id: 'asc' },
		select: DOCUMENT_SELECT,
	})
}

function canonicalDay(documents: BoardDayDocument[], day: string) {
	const date = dayToDate(day)
	const lines: string[] = []
	for (const document of documents) {
		if (document.postedFrom > date || document.postedUntil < date) continue
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
 * The canonical list of what the board showed on a Prague calendar day: one JSON line per document
 * (sorted by id) with the version in force at the end of that day and the SHA-256 of each of its
 * files. Anyone holding the text can recompute the day's hash.
 */
export async function canonicalBoardDay({ db, day }: { db: TenantDb; day: string }) {
	return canonicalDay(await loadDocuments(db, day, day), day)
}

/**
 * Stores the fingerprint (otisk) of every finished day from `since` days back to yesterday that has
 * none yet, signed with the town's key (board-signature.server.ts). A stored day is never rewritten:
 * it is the proof of what was posted when. A fixed number of queries whatever the number of days, so
 * the job stays short even on a slow database.
 */
export async function takeBoardSnapshots({ db, now = boardNow(), daysBack = 7 }: { db: TenantDb; now?: Date; daysBack?: number }) {
	const today = pragueDay(now)
	const days: string[] = []
	for (let back = daysBack; back >= 1; back--) days.push(addDays(today, -back))
	const stored = await db.boardSnapshot.findMany({ where: { day: { in: days.map(dayToDate) } }, select: { day: true } })
	const storedDays = new Set(stored.map((snapshot) => dateToDay(snapshot.day)))
	const missing = days.filter((day) => !storedDays.has(day))
	if (missing.length === 0) return { taken: 0 }
	const documents = await loadDocuments(db, missing[0]!, missing[missing.length - 1]!)
	const key = await currentBoardSigningKey(db)
	const data = missing.map((day) => {
		const list = canonicalDay(documents, day)
		return { day: dayToDate(day), ...list, keyId: key.keyId, signature: signSnapshot(key.privateKeyPem, { day, ...list }) }
	})
	const created = await db.boardSnapshot.createMany({ data, skipDuplicates: true })
	return { taken: created.count }
}

export async function latestBoardSnapshot(db: TenantDb) {
	return db.boardSnapshot.findFirst({
		orderBy: { day: 'desc' },
		select: { day: true, listHash: true, documentCount: true, createdAt: true, signature: true, keyId: true },
	})
}
