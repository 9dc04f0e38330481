// What the grants module posts to the official board (issue 17 via decision 015's postBoardDocument):
// - §10c odst. 3 zákona č. 250/2000 Sb.: a programme, when published (at least 30 days before its
//   window, checked by publishProgramme), until the decision deadline (or the call's end);
// - §10d: a contract above 50 000 Kč within 30 days of signing (here: on the day it is marked signed),
//   for at least 3 years. A natural person's contract is posted without birth date and address.
import { addDays, boardNow, pragueDay } from '../board/board-clock.server'
import { checkBoardPdf } from '../board/check-board-pdf.server'
import { postBoardDocument } from '../board/post-board-document.server'
import type { TenantDb } from '../db/tenant-db.server'
import { storedDate } from '../dates/prague-date'
import { renderProgrammePdf } from './programme-pdf.server'

type Meta = { ip?: string | null; requestId?: string | null }
const CONTRACT_POSTING_DAYS = 3 * 366

async function post(
	db: TenantDb,
	args: { title: string; description: string; fileName: string; pdf: Buffer; until: string; staffId: string | null; staffName: string; meta: Meta; now: Date },
) {
	const file = await checkBoardPdf(args.fileName, args.pdf)
	if (!file.ok) throw new Error(`grants board PDF refused: ${file.reason}`)
	const today = pragueDay(args.now)
	return postBoardDocument({
		db,
		input: { title: args.title, description: args.description, category: 'budget', postedFrom: today, postedUntil: args.until < today ? today : args.until },
		files: [file.file],
		staffId: args.staffId,
		staffName: args.staffName,
		meta: { ip: args.meta.ip ?? null, requestId: args.meta.requestId ?? null },
		now: args.now,
	})
}

/** Posts a just-published programme version with its calls; returns the board document. */
export async function postProgrammeToBoard({
	db,
	versionId,
	staffId,
	staffName,
	meta = {},
	now = boardNow(),
}: {
	db: TenantDb
	versionId: string
	staffId: string | null
	staffName: string
	meta?: Meta
	now?: Date
}) {
	const v = await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: versionId }, include: { calls: { orderBy: { opensOn: 'asc' } } } })
	const calls = v.calls.map((c) => ({ name: c.name, opensOn: storedDate(c.opensOn), closesOn: storedDate(c.closesOn) }))
	const decision = v.decisionDeadline ? storedDate(v.decisionDeadline) : null
	const lastClose =
		calls
			.map((c) => c.closesOn)
			.sort()
			.at(-1) ?? pragueDay(now)
	const pdf = await renderProgrammePdf(v, calls, decision)
	return post(db, {
		title: `Dotační program ${v.name}`,
		description: `Program pro poskytování dotací podle § 10c zákona č. 250/2000 Sb. Žádosti: ${calls.map((c) => `${c.opensOn} – ${c.closesOn}`).join(', ')}.`,
		fileName: `dotacni-program-${v.version}.pdf`,
		pdf,
		until: decision && decision > lastClose ? decision : lastClose,
		staffId,
		staffName,
		meta,
		now,
	})
}

/** Posts a signed contract above the threshold and records the day on the contract; renders a redacted copy for a natural person. */
export async function postContractToBoard({
	db,
	applicationId,
	renderRedacted,
	staffId,
	staffName,
	meta = {},
	now = boardNow(),
}: {
	db: TenantDb
	applicationId: string
	renderRedacted: () => Promise<Buffer>
	staffId: string | null
	staffName: string
	meta?: Meta
	now?: Date
}) {
	const contract = await db.grantContract.findUniqueOrThrow({
		where: { applicationId },
		select: { number: true, pdf: true, boardPublishedOn: true, application: { select: { applicantName: true, applicantIco: true, purpose: true } } },
	})
	if (contract.boardPublishedOn) return null
	const pdf = contract.application.applicantIco ? Buffer.from(contract.pdf) : await renderRedacted()
	const document = await post(db, {
		title: `Veřejnoprávní smlouva o poskytnutí dotace ${contract.number}`,
		description: `Příjemce: ${contract.application.applicantName}. Účel: ${contract.application.purpose.slice(0, 300)}. Zveřejněno podle § 10d zákona č. 250/2000 Sb.`,
		fileName: `smlouva-${contract.number}.pdf`,
		pdf,
		until: addDays(pragueDay(now), CONTRACT_POSTING_DAYS),
		staffId,
		staffName,
		meta,
		now,
	})
	await db.grantContract.update({ where: { applicationId }, data: { boardPublishedOn: new Date(`${pragueDay(now)}T00:00:00Z`) } })
	return document
}
