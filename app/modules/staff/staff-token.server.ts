import { createHash, randomBytes } from 'node:crypto'
import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'

// Invitation and password-reset links: 32 random bytes in the link, only their sha256 in the
// database (a leaked table row cannot be turned into a working link), single use, short-lived.
export const TOKEN_LIFETIME_MS = { invitation: 72 * 60 * 60 * 1000, password_reset: 60 * 60 * 1000 } as const
export type StaffTokenKind = keyof typeof TOKEN_LIFETIME_MS

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const isWellFormed = (token: string) => /^[\w-]{43}$/.test(token)

/** A new link token; earlier unused tokens of the same kind for this person stop working. */
export async function issueStaffToken({
	db,
	staffUserId,
	kind,
	now = new Date(),
}: {
	db: TenantDb | Prisma.TransactionClient
	staffUserId: string
	kind: StaffTokenKind
	now?: Date
}) {
	const token = randomBytes(32).toString('base64url')
	const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[kind])
	await db.staffToken.deleteMany({ where: { staffUserId, kind, usedAt: null } })
	await db.staffToken.create({ data: { staffUserId, kind, tokenHash: hashToken(token), expiresAt } })
	return { token, expiresAt }
}

/** The account a valid (unused, unexpired) token belongs to, or null; uses nothing up. */
export async function findStaffToken({ db, token, kind, now = new Date() }: { db: TenantDb; token: string; kind: StaffTokenKind; now?: Date }) {
	if (!isWellFormed(token)) return null
	const row = await db.staffToken.findUnique({
		where: { tokenHash: hashToken(token) },
		select: { kind: true, usedAt: true, expiresAt: true, staffUser: { select: { id: true, email: true, name: true, roles: true, disabledAt: true } } },
	})
	if (!row || row.kind !== kind || row.usedAt || row.expiresAt <= now || row.staffUser.disabledAt) return null
	return row.staffUser
}

/** Uses the token up (atomically: of two concurrent uses only one succeeds); its account id, or null. */
export async function consumeStaffToken({
	db,
	token,
	kind,
	now = new Date(),
}: {
	db: TenantDb | Prisma.TransactionClient
	token: string
	kind: StaffTokenKind
	now?: Date
}) {
	if (!isWellFormed(token)) return null
	const tokenHash = hashToken(token)
	const used = await db.staffToken.updateMany({ where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
	if (used.count !== 1) return null
	const row = await db.staffToken.findUnique({ where: { tokenHash }, select: { staffUserId: true } })
	return row?.staffUserId ?? null
}
