// The demo's staff accounts (`npm start`, e2e). Known on purpose, printed in the README and on the
// console: never create them outside the demo (server/demo-staff.ts does, only with --demo).
export const DEMO_PASSWORD = 'Demo-heslo-2026'
export const DEMO_TOTP_SECRET = 'PORTALOBCANADEMOTOTPSECRETKEY234'
export const DEMO_VENDOR = { email: 'dodavatel@portal.example', name: 'Dana Dodavatelová' } as const

type DemoStaffMember = {
	local: string
	name: string
	roles: readonly ('clerk' | 'admin' | 'auditor' | 'evaluator')[]
	agendas: readonly ('submissions' | 'payments' | 'grants' | 'board')[]
	/** Submission agendas of the town this clerk works; absent: all of them. Created only where the town has one of them. */
	onlySubmissionAgendas?: readonly string[]
}

/**
 * Per demo town: a clerk (all agendas), an admin, an auditor, two grant evaluators, and two clerks of
 * one agenda each (waste and transport, where the town has them: a clerk sees only their agendas'
 * messages), at <local>@<first host label>.example.
 */
export const DEMO_TOWN_STAFF: readonly DemoStaffMember[] = [
	{ local: 'referent', name: 'Petra Referentová', roles: ['clerk'], agendas: ['submissions', 'payments', 'grants', 'board'] },
	{ local: 'spravce', name: 'Tomáš Správce', roles: ['admin'], agendas: [] },
	{ local: 'auditor', name: 'Alena Auditorová', roles: ['auditor'], agendas: [] },
	// Two grant evaluators (decision 022): an application is scored by two people.
	{ local: 'hodnotitel', name: 'Hynek Hodnotitel', roles: ['evaluator'], agendas: [] },
	{ local: 'hodnotitelka', name: 'Hana Hodnotitelová', roles: ['evaluator'], agendas: [] },
	{ local: 'odpady', name: 'Olga Odpadová', roles: ['clerk'], agendas: ['submissions'], onlySubmissionAgendas: ['odpady'] },
	{ local: 'doprava', name: 'David Dopravní', roles: ['clerk'], agendas: ['submissions'], onlySubmissionAgendas: ['doprava'] },
]

/** The demo's canned reply (per town, when it has none), so a clerk can answer with one from the start. */
export const DEMO_CANNED_REPLY = {
	title: 'Děkujeme, řešíme',
	body: 'Dobrý den, děkujeme za zprávu. Požadavek jsme předali příslušnému oddělení a ozveme se vám nejpozději do pěti pracovních dnů. S pozdravem, městský úřad',
} as const

export function demoStaffEmail(local: string, primaryHost: string) {
	return `${local}@${primaryHost.split('.')[0]}.example`
}
