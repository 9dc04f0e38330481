import { createHash, createPublicKey, verify } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { BoardInputError } from './board-error'
import { canTransitionBoard, dueState, transitionBoardDocument } from './board-states'
import { checkBoardPdf } from './check-board-pdf.server'
import { editBoardDocument } from './edit-board-document.server'
import { getPublicBoardDocument } from './get-public-board-document.server'
import { listPublicBoard, type PublicBoardFilters } from './list-public-board.server'
import { postBoardDocument } from './post-board-document.server'
import { removeBoardDocument } from './remove-board-document.server'
import { renderDemoBoardPdf } from './render-demo-board-pdf.server'
import { syncBoardStates } from './sync-board-states.server'
import { boardPublicKey, snapshotMessage } from './board-signature.server'
import { canonicalBoardDay, takeBoardSnapshots } from './take-board-snapshot.server'
import { verifyBoardSnapshot } from './verify-board-snapshot.server'

const town = await createTown('board-town')
const db = getTenantDb(town.tenant)
const meta = { ip: '192.0.2.1', requestId: 'req-1' }
const clerk = { staffId: '00000000-0000-4000-8000-0000000000b1', staffName: 'Petra Referentová' }
// 10:00 in Prague on 4 December 2026.
const DAY1 = new Date('2026-12-04T09:00:00Z')
const at = (iso: string) => new Date(iso)
const current = (now: Date, extra: Partial<PublicBoardFilters> = {}) => listPublicBoard({ db, now, filters: { tab: 'current', page: 1, ...extra } })
const archive = (now: Date) => listPublicBoard({ db, now, filters: { tab: 'archive', page: 1 } })
const input = (title: string, postedFrom: string, postedUntil: string) => ({ title, category: 'notices' as const, postedFrom, postedUntil })

describe('the board state machine', () => {
	test('only planned → posted → removed_early / expired (planned may also be withdrawn or pass unseen); nothing leaves an end state', () => {
		expect(canTransitionBoard('planned', 'posted')).toBe(true)
		expect(canTransitionBoard('posted', 'expired')).toBe(true)
		expect(canTransitionBoard('posted', 'removed_early')).toBe(true)
		expect(canTransitionBoard('expired', 'posted')).toBe(false)
		expect(canTransitionBoard('removed_early', 'posted')).toBe(false)
		expect(canTransitionBoard('posted', 'planned')).toBe(false)
	})

	test('the due state follows the Prague calendar, both end days inclusive', () => {
		const doc = { state: 'planned', postedFrom: '2026-12-04', postedUntil: '2026-12-06' }
		expect(dueState(doc, '2026-12-03')).toBe('planned')
		expect(dueState(doc, '2026-12-04')).toBe('posted')
		expect(dueState(doc, '2026-12-06')).toBe('posted')
		expect(dueState(doc, '2026-12-07')).toBe('expired')
		expect(dueState({ ...doc, state: 'removed_early' }, '2026-12-05')).toBe('removed_early')
	})
})

describe('posting, editing and removing', () => {
	test('a document posted today is public at once, with its PDF; the post is audited and logged', async () => {
		const pdf = await checkBoardPdf('oznámení.pdf', await renderDemoBoardPdf('Oznámení', 'Text'))
		if (!pdf.ok) throw new Error('PDF refused')
		const { id } = await postBoardDocument({
			db,
			...clerk,
			meta,
			now: DAY1,
			files: [pdf.file],
			input: { ...input('Oznámení o svozu', '2026-12-04', '2026-12-18'), referenceNumber: 'MV/1/2026' },
		})
		expect((await current(DAY1)).documents.map((d) => d.id)).toContain(id)
		const shown = await getPublicBoardDocument({ db, id, now: DAY1 })
		expect(shown).toMatchObject({ title: 'Oznámení o svozu', state: 'posted', version: 1, isCurrent: true })
		expect(shown!.attachments).toEqual([expect.objectContaining({ fileName: 'oznámení.pdf', sha256: pdf.file.sha256 })])
		const log = await db.boardTransition.findMany({ where: { documentId: id }, orderBy: { id: 'asc' } })
		expect(log.map((t) => `${t.fromState ?? '-'}>${t.toState}`)).toEqual(['->planned', 'planned>posted'])
		const audit = await db.auditLog.findMany({ where: { subject: `BoardDocument:${id}` } })
		expect(audit).toEqual([expect.objectContaining({ action: 'board.post', staffId: clerk.staffId, ip: meta.ip })])
	})

	test('a document planned for a later day is not public until that day, then the clock posts it', async () => {
		const { id } = await postBoardDocument({ db, ...clerk, meta, now: DAY1, files: [], input: input('Plánované oznámení', '2026-12-07', '2026-12-20') })
		expect((await current(DAY1)).documents.map((d) => d.id)).not.toContain(id)
		expect(await getPublicBoardDocument({ db, id, now: DAY1 })).toBeNull()
		// 00:30 in Prague on the 7th is still the 6th in UTC: the Prague day counts.
		const seventh = at('2026-12-06T23:30:00Z')
		expect((await current(seventh)).documents.map((d) => d.id)).toContain(id)
		await syncBoardStates({ db, now: seventh })
		expect((await db.boardDocument.findUniqueOrThrow({ where: { id } })).state).toBe('posted')
		expect((await db.boardTransition.findFirst({ where: { documentId: id, toState: 'posted' } }))?.source).toBe('clock')
	})

	test('a backdated posting, an end before the start and a non-PDF file are refused and change nothing', async () => {
		const before = await db.boardDocument.count()
		await expect(postBoardDocument({ db, ...clerk, meta, now: DAY1, files: [], input: input('Zpětně', '2026-12-01', '2026-12-20') })).rejects.toEqual(
			new BoardInputError('errors.fromInPast', 'postedFrom'),
		)
		expect(await db.boardDocument.count()).toBe(before)
		const notPdf = await checkBoardPdf('virus.pdf', Buffer.from('MZ\x90\x00 definitely not a PDF'))
		expect(notPdf).toEqual({ ok: false, reason: 'not_pdf' })
		expect(await checkBoardPdf('prazdny.pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' })
		await expect(
			sql(
				`INSERT INTO "tenant_board_town".board_attachment (document_id, file_name, content_type, size, sha256, content) SELECT id, 'x.exe', 'application/x-msdownload', 1, 'x', '\\x00' FROM "tenant_board_town".board_document LIMIT 1`,
			),
		).rejects.toThrow(/board_attachment_pdf/)
	})

	test('an edit after posting is a new version; the old one stays readable; the first day cannot move', async () => {
		const { id } = await postBoardDocument({ db, ...clerk, meta, now: DAY1, files: [], input: input('Původní název', '2026-12-04', '2026-12-18') })
		const later = at('2026-12-05T09:00:00Z')
		await expect(
			editBoardDocument({ db, ...clerk, meta, now: later, documentId: id, files: [], input: input('Jiný den', '2026-12-05', '2026-12-18') }),
		).rejects.toEqual(new BoardInputError('errors.fromFixed', 'postedFrom'))
		await expect(
			editBoardDocument({ db, ...clerk, meta, now: later, documentId: id, files: [], input: input('Konec v minulosti', '2026-12-04', '2026-12-04') }),
		).rejects.toEqual(new BoardInputError('errors.untilInPast', 'postedUntil'))
		const { version } = await editBoardDocument({
			db,
			...clerk,
			meta,
			now: later,
			documentId: id,
			files: [],
			input: { ...input('Opravený název', '2026-12-04', '2026-12-31'), changeNote: 'překlep' },
		})
		expect(version).toBe(2)
		const shown = await getPublicBoardDocument({ db, id, now: later })
		expect(shown!.title).toBe('Opravený název')
		expect(shown!.versions.map((v) => [v.version, v.title, v.changeNote])).toEqual([
			[2, 'Opravený název', 'překlep'],
			[1, 'Původní název', null],
		])
		expect(await db.auditLog.count({ where: { subject: `BoardDocument:${id}`, action: 'board.edit' } })).toBe(1)
	})

	test('removal before the end date needs a reason; the document moves to the archive with it', async () => {
		const { id } = await postBoardDocument({ db, ...clerk, meta, now: DAY1, files: [], input: input('Omylem vyvěšeno', '2026-12-04', '2026-12-30') })
		await expect(db.$transaction((tx) => transitionBoardDocument(tx, { documentId: id, to: 'removed_early', source: 'clerk' }))).rejects.toThrow(
			/board_document_removal_reason/,
		)
		await removeBoardDocument({ db, ...clerk, meta, now: at('2026-12-05T10:00:00Z'), documentId: id, reason: 'Vyvěšeno omylem, nesprávná příloha.' })
		const next = at('2026-12-06T10:00:00Z')
		expect((await current(next)).documents.map((d) => d.id)).not.toContain(id)
		expect((await archive(next)).documents.map((d) => d.id)).toContain(id)
		expect(await getPublicBoardDocument({ db, id, now: next })).toMatchObject({
			state: 'removed_early',
			removalReason: 'Vyvěšeno omylem, nesprávná příloha.',
			isCurrent: false,
		})
		await expect(removeBoardDocument({ db, ...clerk, meta, now: next, documentId: id, reason: 'Podruhé' })).rejects.toEqual(
			new BoardInputError('errors.notRemovable'),
		)
		await expect(
			editBoardDocument({ db, ...clerk, meta, now: next, documentId: id, files: [], input: input('Po sejmutí', '2026-12-04', '2026-12-30') }),
		).rejects.toEqual(new BoardInputError('errors.notEditable'))
		expect(await db.auditLog.count({ where: { subject: `BoardDocument:${id}`, action: 'board.remove' } })).toBe(1)
	})

	test('at its end date a document leaves the board (Prague day after the last) and stays in the archive', async () => {
		const { id } = await postBoardDocument({ db, ...clerk, meta, now: DAY1, files: [], input: input('Krátká vyhláška', '2026-12-04', '2026-12-10') })
		const lastDay = at('2026-12-10T22:30:00Z') // 23:30 in Prague on the 10th
		expect((await current(lastDay)).documents.map((d) => d.id)).toContain(id)
		const dayAfter = at('2026-12-10T23:30:00Z') // 00:30 in Prague on the 11th
		expect((await current(dayAfter)).documents.map((d) => d.id)).not.toContain(id)
		expect((await archive(dayAfter)).documents.map((d) => d.id)).toContain(id)
		await syncBoardStates({ db, now: dayAfter })
		expect((await db.boardDocument.findUniqueOrThrow({ where: { id } })).state).toBe('expired')
		// Five years later it has left the archive too.
		expect((await archive(at('2032-01-10T10:00:00Z'))).documents.map((d) => d.id)).not.toContain(id)
	})

	test('search and category filters narrow the public list', async () => {
		await postBoardDocument({
			db,
			...clerk,
			meta,
			now: DAY1,
			files: [],
			input: { ...input('Rozpočet na rok 2027', '2026-12-04', '2026-12-31'), category: 'budget', referenceNumber: 'FIN/77/2026' },
		})
		expect((await current(DAY1, { q: 'rozpočet' })).documents.map((d) => d.title)).toEqual(['Rozpočet na rok 2027'])
		expect((await current(DAY1, { q: 'FIN/77' })).documents.map((d) => d.title)).toEqual(['Rozpočet na rok 2027'])
		expect((await current(DAY1, { category: 'budget' })).documents.every((d) => d.category === 'budget')).toBe(true)
	})

	test('search ignores accents and case, and each word may stand anywhere: "rozpocet" finds "Rozpočet", "odpad" finds "odpadů"', async () => {
		await postBoardDocument({
			db,
			...clerk,
			meta,
			now: DAY1,
			files: [],
			input: { ...input('Harmonogram svozu odpadů', '2026-12-04', '2026-12-31'), description: 'Žďárská ulice a okolí' },
		})
		const titles = async (q: string) => (await current(DAY1, { q })).documents.map((d) => d.title)
		expect(await titles('rozpocet')).toEqual(['Rozpočet na rok 2027'])
		expect(await titles('ROZPOČET')).toEqual(['Rozpočet na rok 2027'])
		expect(await titles('rozpocet 2027')).toEqual(['Rozpočet na rok 2027'])
		expect(await titles('odpad')).toEqual(['Harmonogram svozu odpadů'])
		expect(await titles('odpadu')).toEqual(['Harmonogram svozu odpadů'])
		expect(await titles('zdarska')).toEqual(['Harmonogram svozu odpadů']) // the description counts too
		expect(await titles('fin/77')).toEqual(['Rozpočet na rok 2027'])
		expect(await titles('rozpocet odpad')).toEqual([])
		// An edit keeps the folded text (the database keeps it, not the writer).
		const id = (await db.boardDocument.findFirstOrThrow({ where: { title: 'Harmonogram svozu odpadů' } })).id
		await editBoardDocument({
			db,
			...clerk,
			meta,
			now: DAY1,
			documentId: id,
			files: [],
			input: input('Harmonogram svozu bioodpadu a tříděného skla', '2026-12-04', '2026-12-31'),
		})
		expect(await titles('trideneho')).toEqual(['Harmonogram svozu bioodpadu a tříděného skla'])
		expect(await titles('zdarska')).toEqual([])
	})
})

describe('the daily fingerprint (otisk dne)', () => {
	test("is SHA-256 of the day's canonical list, stored once and never rewritten", async () => {
		const { taken } = await takeBoardSnapshots({ db, now: at('2026-12-05T08:00:00Z'), daysBack: 1 })
		expect(taken).toBe(1)
		const stored = await db.boardSnapshot.findUniqueOrThrow({ where: { day: new Date('2026-12-04T00:00:00Z') } })
		expect(stored.listHash).toBe(createHash('sha256').update(stored.canonical).digest('hex'))
		expect(stored.documentCount).toBeGreaterThan(0)
		expect(stored.canonical).toContain('Oznámení o svozu')
		expect(stored.canonical).not.toContain('Plánované oznámení') // planned for the 7th
		// A later edit does not change the 4th's proof.
		const first = (await db.boardDocument.findFirstOrThrow({ where: { title: 'Oznámení o svozu' } })).id
		await editBoardDocument({
			db,
			...clerk,
			meta,
			now: at('2026-12-05T09:00:00Z'),
			documentId: first,
			files: [],
			input: input('Oznámení o svozu (opraveno)', '2026-12-04', '2026-12-18'),
		})
		expect((await takeBoardSnapshots({ db, now: at('2026-12-05T10:00:00Z'), daysBack: 1 })).taken).toBe(0)
		expect((await db.boardSnapshot.findUniqueOrThrow({ where: { day: new Date('2026-12-04T00:00:00Z') } })).listHash).toBe(stored.listHash)
		// Recomputing the 4th still gives the same list: the version in force that day is the old one.
		expect((await canonicalBoardDay({ db, day: '2026-12-04' })).listHash).toBe(stored.listHash)
		expect((await canonicalBoardDay({ db, day: '2026-12-05' })).canonical).toContain('Oznámení o svozu (opraveno)')
	})

	test("is signed with the town's Ed25519 key: the published public key verifies it, and any tampering is detected", async () => {
		const day = '2026-12-04'
		const stored = await db.boardSnapshot.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } })
		expect(stored.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/)
		// The private key is kept encrypted with the secrets key; the public key is published as PEM.
		const keyRow = await db.boardSigningKey.findUniqueOrThrow({ where: { keyId: stored.keyId! } })
		expect(keyRow.privateKey).toMatch(/^enc:v1:/)
		const published = (await boardPublicKey(db, stored.keyId!))!
		expect(published.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/)
		// Anyone can check it with the public key alone (as `openssl pkeyutl -verify -rawin` would).
		const message = snapshotMessage({ day, listHash: stored.listHash, documentCount: stored.documentCount })
		expect(message).toBe(`portal-obcana board snapshot v1\nday: ${day}\nlist-sha256: ${stored.listHash}\ndocuments: ${stored.documentCount}\n`)
		expect(verify(null, Buffer.from(message), createPublicKey(published.publicKey), Buffer.from(stored.signature!, 'base64'))).toBe(true)
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({
			found: true,
			signed: true,
			listMatchesHash: true,
			signatureValid: true,
			recordsMatch: true,
			valid: true,
		})

		const table = '"tenant_board_town".board_snapshot'
		const restore = () =>
			sql(`UPDATE ${table} SET canonical = $1, list_hash = $2, document_count = $3 WHERE day = $4`, [
				stored.canonical,
				stored.listHash,
				stored.documentCount,
				day,
			])
		// 1. The stored list is changed: it no longer hashes to the signed fingerprint.
		await sql(`UPDATE ${table} SET canonical = replace(canonical, 'Oznámení o svozu', 'Oznámení o něčem jiném') WHERE day = $1`, [day])
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({ listMatchesHash: false, signatureValid: true, valid: false })
		// 2. List and fingerprint are changed together: the signature no longer matches.
		await sql(`UPDATE ${table} SET list_hash = encode(sha256(convert_to(canonical, 'UTF8')), 'hex') WHERE day = $1`, [day])
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({ listMatchesHash: true, signatureValid: false, valid: false })
		// 3. A document dropped from the list with the count lowered: the signature catches the count too.
		await restore()
		await sql(`UPDATE ${table} SET document_count = document_count - 1 WHERE day = $1`, [day])
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({ signatureValid: false, valid: false })
		await restore()
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({ valid: true })
		// 4. The board's own records are changed behind the snapshot's back: the recomputed list differs.
		const version = await db.boardDocumentVersion.findFirstOrThrow({ where: { title: 'Oznámení o svozu' } })
		await sql(`UPDATE "tenant_board_town".board_document_version SET title = 'Přepsáno' WHERE id = $1`, [version.id])
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({ listMatchesHash: true, signatureValid: true, recordsMatch: false, valid: false })
		await sql(`UPDATE "tenant_board_town".board_document_version SET title = $1 WHERE id = $2`, [version.title, version.id])
		expect(await verifyBoardSnapshot(db, day)).toMatchObject({ valid: true })
		// A day without a snapshot says so.
		expect(await verifyBoardSnapshot(db, '2026-11-01')).toEqual({ day: '2026-11-01', found: false })
	})
})
