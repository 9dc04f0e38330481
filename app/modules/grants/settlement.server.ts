// Settlement (vyúčtování, finanční vypořádání): the recipient reports the actual costs per cost
// category of their application's budget, the grant spent, a narrative and the receipts (attachments of
// purpose 'settlement'); the clerk approves or asks for more. Unspent money is a claim like any other
// (migration 20261208400000_grant_return_claim): a variable symbol from the town's one VS sequence
// (shared with claims and payments, decision 007), a QR Platba, matched by the bank statement import;
// its debtor is the recipient (a legal person by IČO), and the settlement records when it was paid.
import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { pragueDate } from '../dates/prague-date'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { encodeSpayd } from '../payments/qr/spayd'
import { attachmentRows, checkGrantFiles, RECEIPT_KIND } from './grant-attachments.server'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'

type Meta = { ip?: string | null; requestId?: string | null }
export type SettlementInput = { costs: { category: string; amount: number }[]; narrative: string; spentGrant: number }
/** Days the recipient has to return unspent money after the approval (the claim's due date). */
export const RETURN_DUE_DAYS = 30
export const GRANT_RETURN_FEE_TYPE = 'grant_return'

/** The categories of the application's budget (in its order, once each): what a settlement reports against. */
export function settlementCategories(budgetLines: { category: string; ownShare: number; requested: number }[]) {
	const byCategory = new Map<string, { category: string; planned: number; requested: number }>()
	for (const line of budgetLines) {
		const entry = byCategory.get(line.category) ?? { category: line.category, planned: 0, requested: 0 }
		entry.planned += line.ownShare + line.requested
		entry.requested += line.requested
		byCategory.set(line.category, entry)
	}
	return [...byCategory.values()]
}

/**
 * The report's own rules: costs only in the budget's categories, whole haléře, not negative, something
 * spent; the grant spent at most the award and at most the costs reported.
 */
export function checkSettlement(input: SettlementInput, budgetCategories: string[], awarded: number) {
	for (const cost of input.costs) {
		if (!budgetCategories.includes(cost.category)) throw new GrantInputError('errors.settlementCategory', `cost.${cost.category}`)
		if (!Number.isInteger(cost.amount) || cost.amount < 0) throw new GrantInputError('errors.amount', `cost.${cost.category}`)
	}
	const total = input.costs.reduce((sum, cost) => sum + cost.amount, 0)
	if (total <= 0) throw new GrantInputError('errors.settlementCosts', `cost.${budgetCategories[0] ?? ''}`)
	if (!input.narrative.trim()) throw new GrantInputError('errors.required', 'narrative')
	if (!Number.isInteger(input.spentGrant) || input.spentGrant < 0 || input.spentGrant > awarded) throw new GrantInputError('errors.spentGrant', 'spentGrant')
	if (input.spentGrant > total) throw new GrantInputError('errors.spentOverCosts', 'spentGrant')
}

export async function fileGrantSettlement({
	db,
	personId,
	applicationId,
	input,
	receipts = [],
}: {
	db: TenantDb
	personId: string
	applicationId: string
	input: SettlementInput
	/** New receipts sent with the report: checked by content, stored only if the report is filed. */
	receipts?: { fileName: string; content: Buffer }[]
}) {
	const application = await db.grantApplication.findFirst({
		where: { id: applicationId, personId },
		select: {
			state: true,
			awardedAmount: true,
			budgetLines: { orderBy: { position: 'asc' }, select: { category: true, ownShare: true, requested: true } },
			attachments: { select: { size: true, purpose: true } },
		},
	})
	if (!application) throw new GrantInputError('errors.notFound')
	if (application.state !== 'paid' && application.state !== 'settlement_returned') throw new GrantInputError('errors.notEditable')
	checkSettlement(
		input,
		settlementCategories(application.budgetLines).map((c) => c.category),
		application.awardedAmount!,
	)
	const checked = await checkGrantFiles(application.attachments, receipts, 'settlement')
	if (checked.length === 0 && !application.attachments.some((a) => a.purpose === 'settlement'))
		throw new GrantInputError('errors.receiptRequired', 'attachment')
	await db.$transaction(async (tx) => {
		if (checked.length) await tx.grantAttachment.createMany({ data: attachmentRows(applicationId, 'settlement', RECEIPT_KIND, checked) })
		await tx.grantSettlement.create({
			data: {
				applicationId,
				costs: input.costs,
				narrative: input.narrative,
				spentGrant: input.spentGrant,
				returnAmount: application.awardedAmount! - input.spentGrant,
			},
		})
		await transitionGrantApplication(tx, { applicationId, to: 'settlement_filed', actor: { kind: 'applicant', personId } })
	})
}

export async function reviewGrantSettlement({
	db,
	townSlug,
	staffId,
	applicationId,
	outcome,
	message,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	townSlug: string
	staffId: string
	applicationId: string
	outcome: 'approved' | 'more_requested'
	message: string
	now?: Date
	meta?: Meta
}) {
	const settlement = await db.grantSettlement.findFirst({
		where: { applicationId, outcome: null },
		orderBy: { filedAt: 'desc' },
		select: { id: true, returnAmount: true, application: { select: { number: true, applicantName: true, applicantIco: true } } },
	})
	if (!settlement) throw new GrantInputError('errors.notFound')
	if (outcome === 'more_requested' && !message.trim()) throw new GrantInputError('errors.required', 'message')
	return db.$transaction(async (tx) => {
		let variableSymbol: string | null = null
		if (outcome === 'approved' && settlement.returnAmount > 0) {
			const sequence = quoteIdent(tenantSchemaName(townSlug)).replaceAll("'", "''")
			const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('${sequence}.variable_symbol_seq') AS n`)
			variableSymbol = makeVariableSymbol(now.getUTCFullYear(), Number(row!.n))
			await createReturnClaim(tx, { settlement, variableSymbol, now })
		}
		await tx.grantSettlement.update({
			where: { id: settlement.id },
			data: { outcome, clerkMessage: message.trim() || null, reviewedAt: now, returnVariableSymbol: variableSymbol },
		})
		await transitionGrantApplication(tx, {
			applicationId,
			to: outcome === 'approved' ? 'settled' : 'settlement_returned',
			actor: { kind: 'staff', staffId },
			message: message.trim() || null,
		})
		await recordAudit(tx, {
			action: `grants.settlement_${outcome}`,
			staffId,
			subject: `GrantApplication:${applicationId}`,
			details: { returnAmount: settlement.returnAmount, variableSymbol },
			...meta,
		})
		return { variableSymbol, returnAmount: settlement.returnAmount }
	})
}

type Tx = Parameters<Parameters<TenantDb['$transaction']>[0]>[0]

/** The return as a claim: no resident, the recipient as the debtor; due RETURN_DUE_DAYS after the approval (Prague days). */
async function createReturnClaim(
	tx: Tx,
	{
		settlement,
		variableSymbol,
		now,
	}: {
		settlement: { id: string; returnAmount: number; application: { number: string; applicantName: string; applicantIco: string | null } }
		variableSymbol: string
		now: Date
	},
) {
	const due = new Date(`${pragueDate(now)}T00:00:00Z`)
	due.setUTCDate(due.getUTCDate() + RETURN_DUE_DAYS)
	const number = settlement.application.number
	const claim = await tx.claim.create({
		data: {
			residentId: null,
			debtorName: settlement.application.applicantName,
			debtorIco: settlement.application.applicantIco,
			grantSettlementId: settlement.id,
			feeType: GRANT_RETURN_FEE_TYPE,
			year: Number(pragueDate(now).slice(0, 4)),
			label: { cs: `Vratka dotace ${number}`, en: `Grant return ${number}`, uk: `Повернення дотації ${number}` },
			baseAmount: settlement.returnAmount,
			amount: settlement.returnAmount,
			dueDate: due,
			variableSymbol,
			generationKey: `grant-return:${settlement.id}`,
		},
	})
	await tx.claimEvent.create({ data: { claimId: claim.id, kind: 'issued', amount: settlement.returnAmount, detail: { grantApplication: number } } })
	return claim
}

/**
 * The money to return after an approved settlement, or null when nothing is to be returned: the
 * amount, the VS and the QR Platba (while unpaid), what has been paid, and when it was settled.
 */
export async function settlementReturn({ db, applicationId }: { db: TenantDb; applicationId: string }) {
	const settlement = await db.grantSettlement.findFirst({
		where: { applicationId, outcome: 'approved', returnVariableSymbol: { not: null } },
		select: {
			returnAmount: true,
			returnVariableSymbol: true,
			returnSettledAt: true,
			returnClaim: { select: { paidAmount: true, status: true, dueDate: true } },
			application: { select: { number: true } },
		},
	})
	if (!settlement) return null
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { iban: true } })
	const claim = settlement.returnClaim
	const remaining = Math.max(0, settlement.returnAmount - (claim?.paidAmount ?? 0))
	const message = `Vratka dotace ${settlement.application.number}`
	return {
		amount: settlement.returnAmount,
		remaining,
		variableSymbol: settlement.returnVariableSymbol!,
		dueDate: claim?.dueDate ?? null,
		settledAt: settlement.returnSettledAt,
		iban: settings?.iban ?? null,
		spayd:
			settings?.iban && remaining > 0 && !settlement.returnSettledAt
				? encodeSpayd({ iban: settings.iban, amount: remaining, variableSymbol: settlement.returnVariableSymbol!, message })
				: null,
	}
}
