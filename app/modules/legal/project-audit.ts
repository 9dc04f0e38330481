// The project's own accessibility audit, the source of the default accessibility statement
// (decision 016). Update it when the audit is repeated; every town's default statement follows.
export const PROJECT_AUDIT = {
	/** When the project's statement text and its audit were last prepared and reviewed. */
	preparedOn: '2026-12-04',
	reviewedOn: '2026-12-04',
	/** axe-core (WCAG 2.1 A and AA rules) on every page each e2e test visits, on every change; keyboard checks by hand. */
	method: 'self' as const,
	status: 'partial' as const,
	/** Known non-accessible content: keys of legal.json accessibility.known.*. */
	known: ['officeDocuments', 'formTexts'] as const,
	outOfScope: ['thirdParty'] as const,
}
