import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { toCsv, type CsvColumn } from '../open-data/csv'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'

const column = (name: string, cs: string, en: string, datatype: CsvColumn['datatype'] = 'string'): CsvColumn => ({ name, titles: { cs, en }, datatype })
const PAYOUT_COLUMNS = [
	column('application', 'Žádost', 'Application'),
	column('contract', 'Smlouva', 'Contract'),
	column('recipient', 'Příjemce', 'Recipient'),
	column('ico', 'IČO', 'Company ID'),
	column('amount_czk', 'Částka (Kč)', 'Amount (CZK)', 'decimal'),
]

type Meta = { ip?: string | null; requestId?: string | null }

/** Signed contracts not yet paid, as the town's accounting imports them (CSV, amounts in CZK); marks them exported. */
export async function exportGrantPayouts({ db, staffId, meta = {} }: { db: TenantDb; staffId: string; meta?: Meta }) {
	const due = await db.grantApplication.findMany({
		where: { state: 'contracted' },
		orderBy: { number: 'asc' },
		select: { id: true, number: true, applicantName: true, applicantIco: true, awardedAmount: true, contract: { select: { number: true } } },
	})
	const rows = due.map((a) => ({
		application: a.number,
		contract: a.contract?.number ?? '',
		recipient: a.applicantName,
		ico: a.applicantIco ?? '',
		amount_czk: (a.awardedAmount! / 100).toFixed(2),
	}))
	await db.$transaction(async (tx) => {
		for (const a of due)
			await tx.grantPayout.upsert({
				where: { applicationId_instalment: { applicationId: a.id, instalment: 1 } },
				create: { applicationId: a.id, amount: a.awardedAmount!, exportedAt: new Date() },
				update: { exportedAt: new Date() },
			})
		await recordAudit(tx, { action: 'grants.payout_export', staffId, details: { count: due.length }, ...meta })
	})
	return toCsv(PAYOUT_COLUMNS, rows)
}

export async function markGrantPaid({
	db,
	staffId,
	applicationId,
	paidOn,
	meta = {},
}: {
	db: TenantDb
	staffId: string
	applicationId: string
	paidOn: string
	meta?: Meta
}) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) throw new GrantInputError('errors.date', 'paidOn')
	const application = await db.grantApplication.findUnique({ where: { id: applicationId }, select: { awardedAmount: true } })
	if (!application?.awardedAmount) throw new GrantInputError('errors.notFound')
	await db.$transaction(async (tx) => {
		await transitionGrantApplication(tx, { applicationId, to: 'paid', actor: { kind: 'staff', staffId } })
		const day = new Date(`${paidOn}T00:00:00Z`)
		await tx.grantPayout.upsert({
			where: { applicationId_instalment: { applicationId, instalment: 1 } },
			create: { applicationId, amount: application.awardedAmount!, paidOn: day, paidBy: staffId },
			update: { paidOn: day, paidBy: staffId },
		})
		await recordAudit(tx, {
			action: 'grants.payout_paid',
			staffId,
			subject: `GrantApplication:${applicationId}`,
			details: { paidOn, amount: application.awardedAmount },
			...meta,
		})
	})
}
