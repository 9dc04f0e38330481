import type { TenantDb } from '../db/tenant-db.server'
import { generateGrantContract, markGrantContractSigned } from './contract.server'
import { decideGrantApplication } from './decide-application.server'
import { assignEvaluators, declareConflictOfInterest, scoreGrantApplication } from './evaluation.server'
import { recordFormalCheck, type FormalCheckOutcome } from './formal-check.server'
import { notifyGrantDecision } from './notify-decision.server'
import type { OfficeStep } from './office-steps'
import { markGrantPaid } from './payouts.server'
import { readCriteria } from './programme-rules'
import { reviewGrantSettlement } from './settlement.server'

type Meta = { ip?: string | null; requestId?: string | null }
export type StepRun = {
	db: TenantDb
	staffId: string
	isAdmin: boolean
	applicationId: string
	town: { slug: string; name: string; origin: string; staffName: string }
	body: FormData
	meta: Meta
}

const text = (body: FormData, name: string) => String(body.get(name) ?? '')
/** Whole or decimal crowns as typed ("12 500", "12500,50") in haléře; NaN when not a number. */
export const halere = (typed: string) => {
	const clean = typed.replace(/\s/g, '').replace(',', '.')
	return /^\d+(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : Number.NaN
}

export function readFormalCheck(body: FormData): FormalCheckOutcome {
	const outcome = text(body, 'outcome')
	if (outcome === 'returned') return { outcome, message: text(body, 'message'), deadline: text(body, 'deadline') }
	if (outcome === 'excluded') return { outcome, reason: text(body, 'message') }
	return { outcome: 'complete' }
}

async function score({ db, staffId, applicationId, body, meta }: StepRun) {
	const version = (
		await db.grantApplication.findUniqueOrThrow({
			where: { id: applicationId },
			select: { call: { select: { programmeVersion: { select: { criteria: true } } } } },
		})
	).call.programmeVersion
	const scores = readCriteria(version.criteria).map((c) => ({
		criterion: c.code,
		points: Number(text(body, `score-${c.code}`) || 'NaN'),
		comment: text(body, `comment-${c.code}`),
	}))
	await scoreGrantApplication({ db, staffId, applicationId, scores, meta })
}

async function decide({ db, staffId, isAdmin, applicationId, town, body, meta }: StepRun) {
	const base = { resolutionNumber: text(body, 'resolutionNumber'), resolutionDate: text(body, 'resolutionDate') }
	const decision =
		text(body, 'outcome') === 'reject'
			? ({ outcome: 'reject', reason: text(body, 'reason'), ...base } as const)
			: ({ outcome: 'award', amount: halere(text(body, 'amount')), confirmOverBudget: body.get('confirmOverBudget') === 'on', ...base } as const)
	await decideGrantApplication({ db, staffId, isAdmin, applicationId, decision, meta })
	await notifyGrantDecision({ db, townSlug: town.slug, townOrigin: town.origin, applicationId })
}

/** The town as a party of the contract: its name and, when the town settings have it, its IČO. */
async function townParty(db: TenantDb, name: string) {
	const { contact } = await db.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { contact: true } })
	const ico = ((contact ?? {}) as { ico?: string }).ico
	return { name, ...(ico ? { ico } : {}) }
}

async function contract({ db, staffId, applicationId, town, meta }: StepRun) {
	await generateGrantContract({ db, staffId, applicationId, town: await townParty(db, town.name), meta })
}

/** One handler per office step; each reads its own fields and calls the domain, which refuses with a GrantInputError. */
export const OFFICE_STEP_ACTIONS: Readonly<Record<OfficeStep, (run: StepRun) => Promise<unknown>>> = {
	declare: ({ db, staffId, applicationId, body, meta }) =>
		declareConflictOfInterest({ db, staffId, applicationId, hasConflict: text(body, 'conflict') === 'yes', meta }),
	score,
	formal: ({ db, staffId, applicationId, body, meta }) => recordFormalCheck({ db, staffId, applicationId, check: readFormalCheck(body), meta }),
	assign: ({ db, staffId, applicationId, body, meta }) =>
		assignEvaluators({ db, staffId, applicationId, evaluatorIds: body.getAll('evaluatorIds').map(String), meta }),
	decide,
	contract,
	signed: async ({ db, staffId, applicationId, town, body, meta }) =>
		markGrantContractSigned({
			db,
			staffId,
			staffName: town.staffName,
			applicationId,
			signedOn: text(body, 'signedOn'),
			town: await townParty(db, town.name),
			meta,
		}),
	paid: ({ db, staffId, applicationId, body, meta }) => markGrantPaid({ db, staffId, applicationId, paidOn: text(body, 'paidOn'), meta }),
	settlement: ({ db, staffId, applicationId, town, body, meta }) =>
		reviewGrantSettlement({
			db,
			townSlug: town.slug,
			staffId,
			applicationId,
			outcome: text(body, 'outcome') === 'approved' ? 'approved' : 'more_requested',
			message: text(body, 'message'),
			meta,
		}),
}
