import type { TenantDb } from '../db/tenant-db.server'
import { LegalPagesSchema, type AccessibilityEdits, type PrivacyEdits } from './legal-pages-schema'
import { PROJECT_AUDIT } from './project-audit'

const EMPTY_TEXT = { cs: '', en: '', uk: '' }

export const DEFAULT_ACCESSIBILITY: AccessibilityEdits = {
	status: PROJECT_AUDIT.status,
	nonAccessible: EMPTY_TEXT,
	preparedOn: PROJECT_AUDIT.preparedOn,
	reviewedOn: PROJECT_AUDIT.reviewedOn,
	method: PROJECT_AUDIT.method,
	feedbackEmail: '',
}

export const DEFAULT_PRIVACY: PrivacyEdits = { dpoName: '', dpoEmail: '', dpoPhone: '', extra: EMPTY_TEXT }

/**
 * The town's legal pages as the admin left them, each page falling back to its complete default.
 * Stored edits that no longer match the schema (an older shape) count as absent rather than failing a
 * public page.
 */
export async function getLegalPages(db: TenantDb) {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { legalPages: true } })
	const parsed = LegalPagesSchema.safeParse(settings?.legalPages ?? {})
	const stored = parsed.success ? parsed.data : {}
	return {
		accessibility: stored.accessibility ?? DEFAULT_ACCESSIBILITY,
		privacy: stored.privacy ?? DEFAULT_PRIVACY,
		isAccessibilityDefault: !stored.accessibility,
		isPrivacyDefault: !stored.privacy,
	}
}
