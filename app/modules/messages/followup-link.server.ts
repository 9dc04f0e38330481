import { createHash, randomBytes } from 'node:crypto'
import type { Prisma } from '../../generated/tenant/client'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'

/** How long after the submission is closed its follow-up link still opens. */
export const FOLLOWUP_DAYS_AFTER_CLOSE = 30

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * A private follow-up link for an anonymous submitter (a capability URL): 256 random bits, of which
 * only the SHA-256 is stored, so a leaked database does not open anyone's submission.
 */
export async function createFollowupLink(db: TenantDb | Prisma.TransactionClient, submissionId: string) {
	const token = randomBytes(32).toString('base64url')
	await db.followupLink.create({ data: { submissionId, tokenHash: hash(token) } })
	return token
}

export type FollowupLookup = { state: 'unknown' } | { state: 'revoked' } | { state: 'expired' } | { state: 'open'; submissionId: string }

/** What a follow-up token opens: its submission, or why not (unknown, revoked, expired: closed + 30 days). */
export async function lookUpFollowupLink(db: TenantDb, token: string, now = new Date()): Promise<FollowupLookup> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: 'unknown' }
	const link = await db.followupLink.findUnique({
		where: { tokenHash: hash(token) },
		select: { revokedAt: true, submission: { select: { id: true, resolvedAt: true } } },
	})
	if (!link) return { state: 'unknown' }
	if (link.revokedAt) return { state: 'revoked' }
	const closedAt = link.submission.resolvedAt
	if (closedAt && now.getTime() > closedAt.getTime() + FOLLOWUP_DAYS_AFTER_CLOSE * 86_400_000) return { state: 'expired' }
	return { state: 'open', submissionId: link.submission.id }
}

/** The office revokes every follow-up link of a submission (e.g. the e-mail went to a wrong address). Audited. */
export async function revokeFollowupLinks({
	db,
	submissionId,
	staffId,
	now = new Date(),
}: {
	db: TenantDb
	submissionId: string
	staffId: string
	now?: Date
}) {
	await db.$transaction(async (tx) => {
		const { count } = await tx.followupLink.updateMany({ where: { submissionId, revokedAt: null }, data: { revokedAt: now } })
		if (count) await recordAudit(tx, { action: 'submission.followup_revoked', staffId, subject: `Submission:${submissionId}`, details: { count } })
	})
}

/** How many follow-up links of a submission still open (not revoked); the office's thread page offers to revoke them. */
export async function countActiveFollowupLinks(db: TenantDb, submissionId: string) {
	return db.followupLink.count({ where: { submissionId, revokedAt: null } })
}
