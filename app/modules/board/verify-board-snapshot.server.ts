import { createHash, createPublicKey, verify } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'
import { dateToDay, dayToDate } from './board-clock.server'
import { snapshotMessage } from './board-signature.server'
import { canonicalBoardDay } from './take-board-snapshot.server'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export type SnapshotVerification =
	| { day: string; found: false }
	| {
			day: string
			found: true
			signed: boolean
			listHash: string
			documentCount: number
			signature: string | null
			keyId: string | null
			takenAt: Date
			/** The stored canonical list still hashes to the stored fingerprint and holds that many documents. */
			listMatchesHash: boolean
			/** The town's signature over day, fingerprint and count checks out with its public key. */
			signatureValid: boolean
			/** The board's records today give the same list for that day (versions and files unchanged). */
			recordsMatch: boolean
			valid: boolean
	  }

/** Checks a stored day: its list against its hash, the signature against the town's public key, and the board's records against the list. */
export async function verifyBoardSnapshot(db: TenantDb, day: string): Promise<SnapshotVerification> {
	const snapshot = await db.boardSnapshot.findUnique({ where: { day: dayToDate(day) }, include: { key: { select: { publicKey: true } } } })
	if (!snapshot) return { day, found: false }
	const lines = snapshot.canonical === '' ? 0 : snapshot.canonical.split('\n').length
	const listMatchesHash = sha256(snapshot.canonical) === snapshot.listHash && lines === snapshot.documentCount
	let signatureValid = false
	if (snapshot.signature && snapshot.key) {
		const message = Buffer.from(snapshotMessage({ day: dateToDay(snapshot.day), listHash: snapshot.listHash, documentCount: snapshot.documentCount }), 'utf8')
		try {
			signatureValid = verify(null, message, createPublicKey(snapshot.key.publicKey), Buffer.from(snapshot.signature, 'base64'))
		} catch {
			signatureValid = false
		}
	}
	const recordsMatch = (await canonicalBoardDay({ db, day })).listHash === snapshot.listHash
	const signed = Boolean(snapshot.signature)
	return {
		day,
		found: true,
		signed,
		listHash: snapshot.listHash,
		documentCount: snapshot.documentCount,
		signature: snapshot.signature,
		keyId: snapshot.keyId,
		takenAt: snapshot.createdAt,
		listMatchesHash,
		signatureValid,
		recordsMatch,
		valid: signed && listMatchesHash && signatureValid && recordsMatch,
	}
}

/** The canonical list a day's fingerprint was computed from, or null when that day has none. */
export async function findBoardSnapshotText({ db, day }: { db: TenantDb; day: string }) {
	return db.boardSnapshot.findUnique({ where: { day: dayToDate(day) }, select: { canonical: true, createdAt: true } })
}
