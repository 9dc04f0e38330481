// Settlement (vyúčtování, finanční vypořádání): the recipient reports actual costs per category and
// the grant spent; the clerk approves or asks for more. Unspent money gets a variable symbol from the
// town's one VS sequence (shared with claims and payments, decision 007) and a QR Platba.
import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { encodeSpayd } from '../payments/qr/spayd'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'

type Meta = { ip?: string | null; requestId?: string | null }
export type SettlementInput = { costs: { category: string; amount: number }[]; narrative: string; spentGrant: number }

export async function fileGrantSettlement({
	db,
	personId,
	applicationId,
	input,
}: {
	db: TenantDb
	personId: string
	applicationId: string
	input: SettlementInput
}) {
	const application = await db.grantApplication.findFirst({ where: { id: applicationId, personId }, select: { state: true, awardedAmount: true } })
	if (!application) throw new GrantInputError('errors.notFound')
	if (application.state !== 'paid' && application.state !== 'settlement_returned') throw new GrantInputError('errors.notEditable')
	if (!input.narrative.trim()) throw new GrantInputError('errors.required', 'narrative')
	if (!Number.isInteger(input.spentGrant) || input.spentGrant < 0 || input.spentGrant > application.awardedAmount!)
		throw new GrantInputError('errors.spentGrant', 'spentGrant')
	await db.$transaction(async (tx) => {
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
		select: { id: true, returnAmount: true },
	})
	if (!settlement) throw new GrantInputError('errors.notFound')
	if (outcome === 'more_requested' && !message.trim()) throw new GrantInputError('errors.required', 'message')
	return db.$transaction(async (tx) => {
		let variableSymbol: string | null = null
		if (outcome === 'approved' && settlement.returnAmount > 0) {
			const sequence = quoteIdent(tenantSchemaName(townSlug)).replaceAll("'", "''")
			const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('${sequence}.variable_symbol_seq') AS n`)
			variableSymbol = makeVariableSymbol(now.getUTCFullYear(), Number(row!.n))
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

/** The QR Platba for returning unspent money, or null when nothing is to be returned. */
export async function settlementReturnQr({ db, applicationId }: { db: TenantDb; applicationId: string }) {
	const settlement = await db.grantSettlement.findFirst({
		where: { applicationId, outcome: 'approved', returnVariableSymbol: { not: null } },
		select: { returnAmount: true, returnVariableSymbol: true, application: { select: { number: true } } },
	})
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { iban: true } })
	if (!settlement || !settings?.iban) return null
	const message = `Vratka dotace ${settlement.application.number}`
	return {
		amount: settlement.returnAmount,
		variableSymbol: settlement.returnVariableSymbol!,
		iban: settings.iban,
		spayd: encodeSpayd({ iban: settings.iban, amount: settlement.returnAmount, variableSymbol: settlement.returnVariableSymbol!, message }),
	}
}
