import { AbilityBuilder, ForbiddenError, type Ability } from '@casl/ability'
import { accessibleBy, createPrismaAbility, type PrismaQueryFactory, type Subjects } from '@casl/prisma/runtime'
import type {
	Announcement,
	AuditLog,
	BankMovement,
	BoardDocument,
	Claim,
	GrantApplication,
	GrantProgramme,
	CannedReply,
	MessageThread,
	Notification,
	StatisticMonth,
	FeeRuleVersion,
	Form,
	NiaSettings,
	Obligation,
	Payment,
	Person,
	Prisma,
	Resident,
	Session,
	StaffUser,
	Submission,
	SubmissionDraft,
	TownSettings,
} from '../../generated/tenant/client'
import { AGENDA_RULES, CITIZEN_RULES, STAFF_ROLE_RULES, type Action, type Actor, type RuleSpec, type TenantSubjectName } from './permissions'

// The one place CASL is imported (CONVENTIONS 16). Routes and domain code use what is exported here.

type TenantSubjects = Subjects<{
	Person: Person
	AuditLog: AuditLog
	StaffUser: StaffUser
	TownSettings: TownSettings
	NiaSettings: NiaSettings
	Session: Session
	Form: Form
	Submission: Submission
	SubmissionDraft: SubmissionDraft
	Resident: Resident
	Obligation: Obligation
	FeeRuleVersion: FeeRuleVersion
	Claim: Claim
	Payment: Payment
	BankMovement: BankMovement
	BoardDocument: BoardDocument
	StatisticMonth: StatisticMonth
	GrantProgramme: GrantProgramme
	GrantApplication: GrantApplication
	MessageThread: MessageThread
	CannedReply: CannedReply
	Notification: Notification
	Announcement: Announcement
}>
export type AppAbility = Ability<[Action, TenantSubjects], PrismaQueryFactory<Prisma.TypeMap>>

type Placeholders = { $self: string; $submissionAgendas: string[] }

// Placeholders may sit deep inside relation conditions (a claim -> its resident -> representations,
// `{ agenda: { in: '$submissionAgendas' } }`), hence the recursion.
function substitute(value: unknown, values: Placeholders): unknown {
	if (typeof value === 'string' && value in values) return values[value as keyof Placeholders]
	if (Array.isArray(value)) return value.map((item) => substitute(item, values))
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, substitute(v, values)]))
	return value
}

export function defineAbilityFor(actor: Actor): AppAbility {
	const builder = new AbilityBuilder<AppAbility>(createPrismaAbility)
	const submissionAgendas = actor.kind === 'staff' ? (actor.submissionAgendas ?? []) : []
	const apply = (rules: RuleSpec[], selfId: string) => {
		for (const rule of rules) {
			const conditions = substitute(rule.conditions, { $self: selfId, $submissionAgendas: submissionAgendas }) as never
			const method = rule.inverted ? builder.cannot : builder.can
			if (rule.fields) method(rule.action, rule.subject, rule.fields, conditions)
			else method(rule.action, rule.subject, conditions)
		}
	}
	if (actor.kind === 'citizen') apply(CITIZEN_RULES, actor.personId)
	if (actor.kind === 'staff') {
		for (const role of actor.roles) apply(STAFF_ROLE_RULES[role], actor.staffUserId)
		for (const agenda of actor.agendas) apply(AGENDA_RULES[agenda], actor.staffUserId)
	}
	return builder.build()
}

/** Prisma `where` for the records this ability may act on, e.g. `{ where: { AND: [accessibleWhere(ability, 'read', 'Person'), …] } }`. */
export function accessibleWhere<S extends TenantSubjectName>(ability: AppAbility, action: Action, subject: S) {
	const where = accessibleBy(ability, action).ofType(subject)
	// No rule allows it: CASL answers { OR: [] }. Prisma 7 honours an empty OR only at the top of a
	// `where` and drops it inside AND (which would then match every row), so say "none" in a form
	// that holds anywhere: the primary key in an empty list.
	if (Object.keys(where).length === 1 && Array.isArray((where as { OR?: unknown }).OR) && (where as { OR: unknown[] }).OR.length === 0) {
		const key = subject === 'Session' ? 'idHash' : subject === 'FeeRuleVersion' ? 'version' : subject === 'StatisticMonth' ? 'figure' : 'id'
		return { [key]: { in: [] } } as unknown as typeof where
	}
	return where
}

export { ForbiddenError }
export { subject as asSubject } from '@casl/ability'
