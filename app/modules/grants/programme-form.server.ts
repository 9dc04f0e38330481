import { parseWithZod } from '@conform-to/zod/v4'
import { storedDate } from '../dates/prague-date'
import type { TenantDb } from '../db/tenant-db.server'
import type { GrantInputError } from './grant-error'
import { readCostCategories, readCriteria, readRequiredAttachments } from './programme-rules'
import { ProgrammeInputSchema, type ProgrammeInput } from './programme-schema'

/** The editor's fields as the form shows them (money in whole crowns, rules one per line). */
export type ProgrammeFormValues = Record<string, string>
export type ProgrammeFormProblem = {
	fieldErrors: Record<string, string[]>
	formError: { key: string; values?: Record<string, string | number> } | null
	values: ProgrammeFormValues
}

const stringsOf = (body: FormData) => Object.fromEntries([...body.entries()].filter(([, v]) => typeof v === 'string')) as ProgrammeFormValues

/** The admin's programme form through the shared schema; nothing is saved here. */
export function readProgrammeForm(body: FormData): { ok: true; input: ProgrammeInput } | { ok: false; problem: ProgrammeFormProblem } {
	const submission = parseWithZod(body, { schema: ProgrammeInputSchema })
	if (submission.status !== 'success') {
		const fieldErrors = Object.fromEntries(Object.entries(submission.error ?? {}).filter(([, e]) => e?.length)) as Record<string, string[]>
		return { ok: false, problem: { fieldErrors, formError: { key: 'office.formError' }, values: stringsOf(body) } }
	}
	return { ok: true, input: submission.value }
}

/** A domain refusal shown at its field when it has one, else above the form. */
export function programmeProblem(error: GrantInputError, body: FormData): ProgrammeFormProblem {
	const values = stringsOf(body)
	return error.field
		? { fieldErrors: { [error.field]: [error.key] }, formError: null, values }
		: { fieldErrors: {}, formError: { key: error.key, values: error.values }, values }
}

const kc = (halere: number) => String(Math.round(halere / 100))
const day = (d: Date | null) => (d ? storedDate(d) : '')

/** One version with its first call as the editor's values, or null. */
export async function loadProgrammeVersion(db: TenantDb, versionId: string) {
	const v = await db.grantProgrammeVersion.findUnique({
		where: { id: versionId },
		include: { programme: { select: { code: true, kind: true } }, calls: { orderBy: { opensOn: 'asc' }, take: 1 } },
	})
	if (!v) return null
	const call = v.calls[0]
	const values: ProgrammeFormValues = {
		code: v.programme.code,
		kind: v.programme.kind,
		name: v.name,
		purpose: v.purpose,
		reasons: v.reasons,
		totalBudget: kc(v.totalBudget),
		maxGrant: kc(v.maxGrant),
		minGrant: kc(v.minGrant),
		eligibleApplicants: v.eligibleApplicants,
		coFinancingPercent: String(v.coFinancingPercent),
		costCategories: readCostCategories(v.costCategories)
			.map((c) => [c.code, c.name, ...(c.maxPercent ? [String(c.maxPercent)] : [])].join(' | '))
			.join('\n'),
		criteria: readCriteria(v.criteria)
			.map((c) => [c.code, c.name, c.weight, c.maxPoints].join(' | '))
			.join('\n'),
		requiredAttachments: readRequiredAttachments(v.requiredAttachments)
			.map((a) => `${a.code} | ${a.name}`)
			.join('\n'),
		conditions: v.conditions,
		decisionDeadline: day(v.decisionDeadline),
		settlementDeadline: day(v.settlementDeadline),
		periodFrom: day(v.periodFrom),
		periodTo: day(v.periodTo),
		deMinimis: v.deMinimis ? 'on' : '',
		contractTemplate: v.contractTemplate,
		callName: call?.name ?? '',
		opensOn: call ? day(call.opensOn) : '',
		closesOn: call ? day(call.closesOn) : '',
	}
	return { id: v.id, programmeId: v.programmeId, version: v.version, state: v.state as 'draft' | 'published', values }
}
