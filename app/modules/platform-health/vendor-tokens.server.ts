import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { getPlatformDb } from '../db/platform-db.server'

// Tokens for the vendor's monitoring (GET /platform/health.json): "pvt_" + 32 random bytes, shown
// once; only the sha256 is stored (a leaked row opens nothing), each belongs to one vendor account
// and stops working when revoked or when the account is disabled.
const PREFIX = 'pvt_'
const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const isWellFormed = (token: string) => /^pvt_[\w-]{43}$/.test(token)

export async function createVendorToken({ vendorStaffId, name }: { vendorStaffId: string; name: string }) {
	const token = PREFIX + randomBytes(32).toString('base64url')
	const db = getPlatformDb()
	const row = await db.$transaction(async (tx) => {
		const created = await tx.vendorToken.create({ data: { vendorStaffId, name, tokenHash: hash(token) }, select: { id: true } })
		await tx.platformAudit.create({ data: { actor: `vendor:${vendorStaffId}`, action: 'vendor_token.create', details: { tokenId: created.id, name } } })
		return created
	})
	return { id: row.id, token }
}

export async function listVendorTokens(vendorStaffId: string) {
	return getPlatformDb().vendorToken.findMany({
		where: { vendorStaffId },
		orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
		select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
		take: 100,
	})
}

/** Revokes one of the vendor's own tokens; false when there is no such live token. */
export async function revokeVendorToken({ vendorStaffId, tokenId }: { vendorStaffId: string; tokenId: string }) {
	const db = getPlatformDb()
	return db.$transaction(async (tx) => {
		const revoked = await tx.vendorToken.updateMany({ where: { id: tokenId, vendorStaffId, revokedAt: null }, data: { revokedAt: new Date() } })
		if (revoked.count === 0) return false
		await tx.platformAudit.create({ data: { actor: `vendor:${vendorStaffId}`, action: 'vendor_token.revoke', details: { tokenId } } })
		return true
	})
}

/** The vendor account behind an "Authorization: Bearer pvt_…" header, or null. */
export async function authenticateVendorToken(request: Request) {
	const header = request.headers.get('authorization') ?? ''
	const match = /^Bearer\s+(\S+)$/i.exec(header)
	if (!match || !isWellFormed(match[1]!)) return null
	const tokenHash = hash(match[1]!)
	const row = await getPlatformDb().vendorToken.findUnique({
		where: { tokenHash },
		select: { id: true, tokenHash: true, revokedAt: true, vendorStaff: { select: { id: true, disabledAt: true } } },
	})
	if (!row || row.revokedAt || row.vendorStaff.disabledAt) return null
	// The lookup is by hash already; the comparison is belt and braces against a collation surprise.
	if (!timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(tokenHash))) return null
	await getPlatformDb().vendorToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
	return { vendorStaffId: row.vendorStaff.id, tokenId: row.id }
}
