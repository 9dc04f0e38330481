// The permission vocabulary: who may do what to which records. Typed so that a rule naming an
// unknown action or subject does not compile. Rules are data (role -> rules); ability.server.ts
// turns them into a CASL ability per request. Default deny: nothing not listed here is allowed.

export const ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'manage'] as const
export type Action = (typeof ACTIONS)[number]

// Tenant-schema subjects (Prisma model names). Later issues add Grant, Message.
export const TENANT_SUBJECTS = [
	'Person',
	'AuditLog',
	'StaffUser',
	'TownSettings',
	'NiaSettings',
	'Session',
	'Form',
	'Submission',
	'SubmissionDraft',
	'Resident',
	'Obligation',
	'FeeRuleVersion',
	'Claim',
	'Payment',
	'BankMovement',
	'BoardDocument',
	'StatisticMonth',
	'GrantProgramme',
	'GrantApplication',
	'MessageThread',
	'CannedReply',
	'Notification',
	'Announcement',
] as const
export type TenantSubjectName = (typeof TENANT_SUBJECTS)[number]

export const STAFF_ROLES = ['clerk', 'admin', 'auditor', 'evaluator'] as const
export type StaffRoleName = (typeof STAFF_ROLES)[number]
export const AGENDAS = ['submissions', 'payments', 'grants', 'board'] as const
export type AgendaName = (typeof AGENDAS)[number]

/** Who is asking, as far as permissions care. Vendor staff never get a town ability at all. */
export type Actor =
	| { kind: 'anonymous' }
	| { kind: 'citizen'; personId: string }
	| {
			kind: 'staff'
			staffUserId: string
			roles: StaffRoleName[]
			agendas: AgendaName[]
			/** Town-defined submission agendas (form.agenda codes), decision 008. Absent = none. */
			submissionAgendas?: string[]
	  }

export type RuleSpec = {
	action: Action | Action[]
	subject: TenantSubjectName | TenantSubjectName[]
	/** Prisma `where` conditions; `$self` is replaced by the actor's own id, `$submissionAgendas` by their submission agendas. */
	conditions?: Record<string, unknown>
	/** Only these fields (for updates a citizen may make to their own record). */
	fields?: string[]
	inverted?: boolean
}

export const CITIZEN_RULES: RuleSpec[] = [
	{ action: ['read', 'export'], subject: 'Person', conditions: { id: '$self' } },
	{ action: 'update', subject: 'Person', conditions: { id: '$self' }, fields: ['notificationEmail', 'notifyByEmail', 'preferredLocale', 'phone'] },
	{ action: 'read', subject: 'AuditLog', conditions: { actorId: '$self' } },
	{ action: ['read', 'delete'], subject: 'Session', conditions: { personId: '$self' } },
	// A citizen reads their own submissions and answers a needs_info request on them (update).
	{ action: ['read', 'update'], subject: 'Submission', conditions: { personId: '$self' } },
	{ action: 'manage', subject: 'SubmissionDraft', conditions: { personId: '$self' } },
	// A citizen sees the residents (and their claims) linked to their account, and those they
	// represent once a clerk has confirmed the representation (decision 007).
	{ action: 'read', subject: 'Resident', conditions: { personId: '$self' } },
	{ action: 'read', subject: 'Resident', conditions: { representations: { some: { personId: '$self', confirmedAt: { not: null } } } } },
	{ action: 'read', subject: 'Claim', conditions: { resident: { is: { personId: '$self' } } } },
	{ action: 'read', subject: 'Claim', conditions: { resident: { is: { representations: { some: { personId: '$self', confirmedAt: { not: null } } } } } } },
	{ action: 'read', subject: 'Payment', conditions: { personId: '$self' } },
	// Grant applications the citizen filed (for themselves or for a legal person), decision 022.
	{ action: ['read', 'update'], subject: 'GrantApplication', conditions: { personId: '$self' } },
	// Messages with the office (decision 023): a citizen writes, reads and answers their own threads.
	{ action: ['read', 'create', 'update'], subject: 'MessageThread', conditions: { personId: '$self' } },
	{ action: ['read', 'update'], subject: 'Notification', conditions: { personId: '$self' } },
]

// Staff reads of personal data are allowed by role and audited by the caller (audit/record-audit.server.ts).
export const STAFF_ROLE_RULES: Record<StaffRoleName, RuleSpec[]> = {
	clerk: [
		{ action: 'read', subject: 'Person' },
		{ action: 'read', subject: 'StaffUser' },
		{ action: ['read', 'delete'], subject: 'Session', conditions: { staffUserId: '$self' } },
		{ action: 'read', subject: 'Form' },
		// A clerk works only the submissions of the agendas they belong to (decision 008).
		{ action: ['read', 'update', 'export'], subject: 'Submission', conditions: { agenda: { in: '$submissionAgendas' } } },
		// Messages are worked by the same agendas: a thread's topic is a submission agenda (decision 023).
		{ action: ['read', 'update'], subject: 'MessageThread', conditions: { topic: { in: '$submissionAgendas' } } },
		{ action: 'read', subject: 'CannedReply' },
		// Announcements (decision 023): a clerk announces in the topics (agendas) they work.
		{ action: ['read', 'create'], subject: 'Announcement', conditions: { topic: { in: '$submissionAgendas' } } },
	],
	admin: [
		{ action: 'read', subject: 'Person' },
		{ action: 'manage', subject: 'StaffUser' },
		{ action: ['read', 'update'], subject: 'TownSettings' },
		{ action: ['read', 'update'], subject: 'NiaSettings' },
		{ action: 'read', subject: 'AuditLog' },
		{ action: ['read', 'delete'], subject: 'Session' },
		{ action: 'manage', subject: 'Form' },
		{ action: ['read', 'update', 'export'], subject: 'Submission' },
		{ action: ['read', 'update'], subject: 'MessageThread' },
		{ action: 'manage', subject: 'CannedReply' },
		{ action: 'manage', subject: 'Announcement' },
		{ action: 'manage', subject: 'FeeRuleVersion' },
		// Town statistics (aggregates only): read, and update = "refresh now" (decision 017).
		{ action: ['read', 'update'], subject: 'StatisticMonth' },
		// Grants (decision 022): programmes, evaluator assignment, decisions; everything a grants clerk does.
		{ action: 'manage', subject: ['GrantProgramme', 'GrantApplication'] },
	],
	auditor: [
		{ action: 'read', subject: 'Person' },
		{ action: 'read', subject: 'StaffUser' },
		{ action: 'read', subject: 'TownSettings' },
		{ action: 'read', subject: 'NiaSettings' },
		{ action: 'read', subject: 'AuditLog' },
		{ action: ['read', 'delete'], subject: 'Session', conditions: { staffUserId: '$self' } },
		{ action: 'read', subject: ['Resident', 'Obligation', 'FeeRuleVersion', 'Claim', 'Payment', 'BankMovement'] },
		{ action: 'read', subject: 'BoardDocument' },
		{ action: 'read', subject: 'StatisticMonth' },
		{ action: 'read', subject: ['GrantProgramme', 'GrantApplication'] },
	],
	// An evaluator (staff member or committee member invited as staff) sees only the grant
	// applications assigned to them, and only the programmes those belong to.
	evaluator: [
		{ action: ['read', 'delete'], subject: 'Session', conditions: { staffUserId: '$self' } },
		{ action: 'read', subject: 'GrantApplication', conditions: { assignments: { some: { staffUserId: '$self' } } } },
	],
}

// Agenda rules: clerks on the payments agenda keep the register, claims, payments and the bank queue.
export const AGENDA_RULES: Record<AgendaName, RuleSpec[]> = {
	submissions: [],
	payments: [
		{ action: 'manage', subject: ['Resident', 'Obligation', 'Claim', 'Payment', 'BankMovement'] },
		{ action: 'read', subject: 'FeeRuleVersion' },
	],
	// Grants clerks: formal check, contracts, payouts, settlements (decision 022); programmes read-only.
	grants: [
		{ action: ['read', 'update', 'export'], subject: 'GrantApplication' },
		{ action: 'read', subject: 'GrantProgramme' },
	],
	// The official board (úřední deska, decision 015): post, edit and remove documents.
	board: [{ action: 'manage', subject: 'BoardDocument' }],
}
