import { describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { accessibleWhere, asSubject, defineAbilityFor } from './ability.server'
import { ACTIONS, TENANT_SUBJECTS, type Action, type Actor, type TenantSubjectName } from './permissions'

const ME = '00000000-0000-4000-8000-000000000001'
const OTHER = '00000000-0000-4000-8000-000000000002'

const actors: Record<string, Actor> = {
	anonymous: { kind: 'anonymous' },
	citizen: { kind: 'citizen', personId: ME },
	clerk: { kind: 'staff', staffUserId: ME, roles: ['clerk'], agendas: ['submissions'], submissionAgendas: ['waste'] },
	paymentsClerk: { kind: 'staff', staffUserId: ME, roles: ['clerk'], agendas: ['payments'], submissionAgendas: [] },
	boardClerk: { kind: 'staff', staffUserId: ME, roles: ['clerk'], agendas: ['board'], submissionAgendas: [] },
	admin: { kind: 'staff', staffUserId: ME, roles: ['admin'], agendas: [] },
	auditor: { kind: 'staff', staffUserId: ME, roles: ['auditor'], agendas: [] },
	grantsClerk: { kind: 'staff', staffUserId: ME, roles: ['clerk'], agendas: ['grants'], submissionAgendas: [] },
	evaluator: { kind: 'staff', staffUserId: ME, roles: ['evaluator'], agendas: [] },
}

// A record of each subject that belongs to "me" and one that belongs to someone else.
function recordOf(subject: TenantSubjectName, owner: string) {
	const fields: Record<TenantSubjectName, Record<string, unknown>> = {
		Person: { id: owner },
		AuditLog: { actorId: owner, staffId: owner },
		StaffUser: { id: owner },
		TownSettings: { id: 1 },
		NiaSettings: { id: 1 },
		Session: { personId: owner, staffUserId: owner },
		Form: { agenda: owner === ME ? 'waste' : 'roads' },
		// "Own" for a clerk means a submission of their agenda ('waste'); for a citizen, their own.
		Submission: { personId: owner, agenda: owner === ME ? 'waste' : 'roads' },
		SubmissionDraft: { personId: owner },
		Resident: { personId: owner, representations: [] },
		Obligation: { resident: { personId: owner } },
		FeeRuleVersion: { version: 1 },
		Claim: { resident: { personId: owner, representations: [] } },
		Payment: { personId: owner },
		BankMovement: { matchedBy: owner },
		BoardDocument: { createdBy: owner },
		StatisticMonth: { figure: 'submissions' },
		GrantProgramme: { code: 'sport' },
		// "Own" for a citizen is an application they filed; for an evaluator, one assigned to them.
		GrantApplication: { personId: owner, assignments: [{ staffUserId: owner }] },
		MessageThread: { personId: owner, topic: owner === ME ? 'waste' : 'roads' },
		CannedReply: { title: 'x' },
		Notification: { personId: owner },
		Announcement: { topic: owner === ME ? 'waste' : 'roads' },
	}
	return asSubject(subject, { ...fields[subject] } as never)
}

// Everything allowed, as "role: action subject (own|other)". Anything not listed must be denied.
const ALLOWED = new Set([
	// Messages (decision 023): citizens their own threads and notifications, clerks their agendas' threads.
	'citizen: read MessageThread own',
	'citizen: create MessageThread own',
	'citizen: update MessageThread own',
	'citizen: read Notification own',
	'citizen: update Notification own',
	'clerk: read MessageThread own',
	'clerk: update MessageThread own',
	'clerk: read Announcement own',
	'clerk: create Announcement own',
	...['own', 'other'].flatMap((whose) => [
		`admin: read MessageThread ${whose}`,
		`admin: update MessageThread ${whose}`,
		...ACTIONS.map((action) => `admin: ${action} CannedReply ${whose}`),
		...ACTIONS.map((action) => `admin: ${action} Announcement ${whose}`),
		...['clerk', 'paymentsClerk', 'boardClerk', 'grantsClerk'].map((role) => `${role}: read CannedReply ${whose}`),
	]),
	'citizen: read Person own',
	'citizen: export Person own',
	'citizen: update Person own',
	'citizen: read AuditLog own',
	'citizen: read Session own',
	'citizen: delete Session own',
	'clerk: read Person own',
	'clerk: read Person other',
	'clerk: read StaffUser own',
	'clerk: read StaffUser other',
	'clerk: read Session own',
	'clerk: delete Session own',
	'citizen: read Submission own',
	'citizen: update Submission own',
	...ACTIONS.map((action) => `citizen: ${action} SubmissionDraft own`),
	'clerk: read Form own',
	'clerk: read Form other',
	'clerk: read Submission own',
	'clerk: update Submission own',
	'clerk: export Submission own',
	...['own', 'other'].flatMap((whose) => [
		...ACTIONS.map((action) => `admin: ${action} StaffUser ${whose}`),
		`admin: read Person ${whose}`,
		`admin: read TownSettings ${whose}`,
		`admin: update TownSettings ${whose}`,
		`admin: read NiaSettings ${whose}`,
		`admin: update NiaSettings ${whose}`,
		`admin: read AuditLog ${whose}`,
		`admin: read Session ${whose}`,
		`admin: delete Session ${whose}`,
		...ACTIONS.map((action) => `admin: ${action} Form ${whose}`),
		`admin: read Submission ${whose}`,
		`admin: update Submission ${whose}`,
		`admin: export Submission ${whose}`,
		`auditor: read Person ${whose}`,
		`auditor: read StaffUser ${whose}`,
		`auditor: read TownSettings ${whose}`,
		`auditor: read NiaSettings ${whose}`,
		`auditor: read AuditLog ${whose}`,
		`admin: read StatisticMonth ${whose}`,
		`admin: update StatisticMonth ${whose}`,
		`auditor: read StatisticMonth ${whose}`,
	]),
	'auditor: read Session own',
	'auditor: delete Session own',
	'citizen: read Resident own',
	'citizen: read Claim own',
	'citizen: read Payment own',
	'paymentsClerk: read Person own',
	'paymentsClerk: read Person other',
	'paymentsClerk: read StaffUser own',
	'paymentsClerk: read StaffUser other',
	'paymentsClerk: read Form own',
	'paymentsClerk: read Form other',
	'paymentsClerk: read Session own',
	'paymentsClerk: delete Session own',
	...['own', 'other'].flatMap((whose) => [
		...ACTIONS.map((action) => `admin: ${action} FeeRuleVersion ${whose}`),
		...(['Resident', 'Obligation', 'FeeRuleVersion', 'Claim', 'Payment', 'BankMovement'] as const).map((s) => `auditor: read ${s} ${whose}`),
		...(['Resident', 'Obligation', 'Claim', 'Payment', 'BankMovement'] as const).flatMap((s) =>
			ACTIONS.map((action) => `paymentsClerk: ${action} ${s} ${whose}`),
		),
		`paymentsClerk: read FeeRuleVersion ${whose}`,
		// The official board: its agenda's clerks keep it; auditors read it.
		...ACTIONS.map((action) => `boardClerk: ${action} BoardDocument ${whose}`),
		`auditor: read BoardDocument ${whose}`,
		`boardClerk: read Person ${whose}`,
		`boardClerk: read StaffUser ${whose}`,
		`boardClerk: read Form ${whose}`,
	]),
	'boardClerk: read Session own',
	'boardClerk: delete Session own',
	// Grants (decision 022): the applicant their own applications; an evaluator only assigned ones;
	// grants clerks work applications and read programmes; admins manage both; auditors read.
	'citizen: read GrantApplication own',
	'citizen: update GrantApplication own',
	'evaluator: read GrantApplication own',
	'evaluator: read Session own',
	'evaluator: delete Session own',
	'grantsClerk: read Session own',
	'grantsClerk: delete Session own',
	...['own', 'other'].flatMap((whose) => [
		...(['GrantProgramme', 'GrantApplication'] as const).flatMap((s) => ACTIONS.map((action) => `admin: ${action} ${s} ${whose}`)),
		`auditor: read GrantProgramme ${whose}`,
		`auditor: read GrantApplication ${whose}`,
		`grantsClerk: read GrantApplication ${whose}`,
		`grantsClerk: update GrantApplication ${whose}`,
		`grantsClerk: export GrantApplication ${whose}`,
		`grantsClerk: read GrantProgramme ${whose}`,
		`grantsClerk: read Person ${whose}`,
		`grantsClerk: read StaffUser ${whose}`,
		`grantsClerk: read Form ${whose}`,
	]),
])

describe('who may do what (default deny)', () => {
	const cases = Object.keys(actors).flatMap((role) =>
		TENANT_SUBJECTS.flatMap((subject) => ACTIONS.flatMap((action) => (['own', 'other'] as const).map((whose) => ({ role, subject, action, whose })))),
	)
	test.each(cases)('$role: $action $subject ($whose)', ({ role, subject, action, whose }) => {
		const ability = defineAbilityFor(actors[role]!)
		const expected = ALLOWED.has(`${role}: ${action} ${subject} ${whose}`)
		expect(ability.can(action as Action, recordOf(subject, whose === 'own' ? ME : OTHER))).toBe(expected)
	})

	test('a citizen may change only their contact preferences, not what NIA says about them', () => {
		const ability = defineAbilityFor(actors.citizen!)
		const me = recordOf('Person', ME)
		expect(ability.can('update', me, 'notificationEmail')).toBe(true)
		expect(ability.can('update', me, 'givenName')).toBe(false)
		expect(ability.can('update', me, 'personIdentifier')).toBe(false)
	})

	test('a citizen reads claims of residents they represent only once a clerk confirmed it', () => {
		const ability = defineAbilityFor(actors.citizen!)
		const claimOf = (confirmedAt: Date | null) =>
			asSubject('Claim', { resident: { personId: OTHER, representations: [{ personId: ME, confirmedAt }] } } as never)
		expect(ability.can('read', claimOf(new Date()))).toBe(true)
		expect(ability.can('read', claimOf(null))).toBe(false)
		expect(ability.can('update', claimOf(new Date()))).toBe(false)
	})

	test('no role reaches a subject it has no rule for: the auditor cannot write anything', () => {
		const ability = defineAbilityFor(actors.auditor!)
		for (const subject of TENANT_SUBJECTS) {
			for (const action of ['create', 'update', 'manage'] as const) expect(ability.can(action, recordOf(subject, OTHER))).toBe(false)
		}
	})
})

describe('reads go through accessibleWhere in the Prisma query', () => {
	test('a citizen reads only their own person record; anonymous reads nothing', async () => {
		const town = await createTown('casl-town')
		const db = getTenantDb(town.tenant)
		const [me, other] = await Promise.all([
			db.person.create({ data: { givenName: 'Já', familyName: 'Občan' } }),
			db.person.create({ data: { givenName: 'Jiný', familyName: 'Občan' } }),
		])
		const mine = await db.person.findMany({ where: accessibleWhere(defineAbilityFor({ kind: 'citizen', personId: me.id }), 'read', 'Person') })
		expect(mine.map((p) => p.id)).toEqual([me.id])
		const clerkSees = await db.person.findMany({ where: accessibleWhere(defineAbilityFor(actors.clerk!), 'read', 'Person') })
		expect(clerkSees.map((p) => p.id).sort()).toEqual([me.id, other.id].sort())
		expect(await db.person.findMany({ where: accessibleWhere(defineAbilityFor(actors.anonymous!), 'read', 'Person') })).toEqual([])
	})
})
