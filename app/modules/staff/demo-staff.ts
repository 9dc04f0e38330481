// The demo's staff accounts (`npm start`, e2e). Known on purpose, printed in the README and on the
// console: never create them outside the demo (server/demo-staff.ts does, only with --demo).
export const DEMO_PASSWORD = 'Demo-heslo-2026'
export const DEMO_TOTP_SECRET = 'PORTALOBCANADEMOTOTPSECRETKEY234'
export const DEMO_VENDOR = { email: 'dodavatel@portal.example', name: 'Dana Dodavatelová' } as const

/** Per demo town: a clerk (all agendas), an admin, an auditor and two grant evaluators, at <role>@<first host label>.example. */
export const DEMO_TOWN_STAFF = [
	{ local: 'referent', name: 'Petra Referentová', roles: ['clerk'], agendas: ['submissions', 'payments', 'grants', 'board'] },
	{ local: 'spravce', name: 'Tomáš Správce', roles: ['admin'], agendas: [] },
	{ local: 'auditor', name: 'Alena Auditorová', roles: ['auditor'], agendas: [] },
	// Two grant evaluators (decision 022): an application is scored by two people.
	{ local: 'hodnotitel', name: 'Hynek Hodnotitel', roles: ['evaluator'], agendas: [] },
	{ local: 'hodnotitelka', name: 'Hana Hodnotitelová', roles: ['evaluator'], agendas: [] },
] as const

export function demoStaffEmail(local: string, primaryHost: string) {
	return `${local}@${primaryHost.split('.')[0]}.example`
}
