import type { Prisma } from '../../generated/tenant/client'
import type { StaffRoleName } from '../access/permissions'
import { recordAudit } from '../audit/record-audit.server'
import type { PlatformDb } from '../db/platform-db.server'
import type { TenantDb } from '../db/tenant-db.server'

// Town staff (tenant schema) and vendor staff (platform schema) sign in the same way: the same
// columns, the same lockout, the same second factor. The sign-in code works on this small store so
// that it exists once; the two implementations below only say where the rows and the audit go.

export type LoginAccount = {
	id: string
	email: string
	name: string
	roles: StaffRoleName[] // empty for vendor staff
	passwordHash: string | null
	totpSecret: string | null // encrypted
	totpEnabledAt: Date | null
	recoveryCodes: string[] // argon2 hashes of the unused codes
	failedLogins: number
	lockedUntil: Date | null
	disabledAt: Date | null
}

export type AccountUpdate = Partial<Pick<LoginAccount, 'failedLogins' | 'lockedUntil' | 'recoveryCodes' | 'totpSecret' | 'totpEnabledAt' | 'passwordHash'>>

export type LoginAudit = {
	action: string
	outcome: 'ok' | 'denied' | 'failed'
	/** The account acting (after a successful sign-in) or acted upon (a failure against it). */
	accountId?: string | null
	isActor?: boolean
	details?: Record<string, string | number | boolean | null>
	ip?: string | null
	requestId?: string | null
}

export type LoginStore = {
	kind: 'town' | 'platform'
	findByEmail(email: string): Promise<LoginAccount | null>
	findById(id: string): Promise<LoginAccount | null>
	countFailures(by: { identifier: string } | { ip: string }, since: Date): Promise<number>
	recordAttempt(attempt: { identifier: string; ip: string | null; success: boolean }): Promise<void>
	/** Adds one failure atomically and returns the new count. */
	incrementFailures(id: string): Promise<number>
	updateAccount(id: string, data: AccountUpdate): Promise<void>
	audit(entry: LoginAudit): Promise<void>
}

const ACCOUNT_SELECT = {
	id: true,
	email: true,
	name: true,
	passwordHash: true,
	totpSecret: true,
	totpEnabledAt: true,
	recoveryCodes: true,
	failedLogins: true,
	lockedUntil: true,
	disabledAt: true,
} as const

function toAccount<Row extends { recoveryCodes: unknown; roles?: string[] }>(row: Row | null) {
	if (!row) return null
	const codes = Array.isArray(row.recoveryCodes) ? row.recoveryCodes.filter((code): code is string => typeof code === 'string') : []
	return { ...row, roles: (row.roles ?? []) as StaffRoleName[], recoveryCodes: codes } as unknown as LoginAccount
}

export function townLoginStore(db: TenantDb): LoginStore {
	const select = { ...ACCOUNT_SELECT, roles: true }
	return {
		kind: 'town',
		findByEmail: async (email) => toAccount(await db.staffUser.findUnique({ where: { email }, select })),
		findById: async (id) => toAccount(await db.staffUser.findUnique({ where: { id }, select })),
		countFailures: (by, since) => db.loginAttempt.count({ where: { ...by, success: false, at: { gte: since } } }),
		recordAttempt: async (attempt) => void (await db.loginAttempt.create({ data: attempt })),
		incrementFailures: async (id) =>
			(await db.staffUser.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } })).failedLogins,
		updateAccount: async (id, data) => void (await db.staffUser.update({ where: { id }, data })),
		audit: (entry) =>
			recordAudit(db, {
				action: entry.action,
				outcome: entry.outcome,
				staffId: entry.isActor ? entry.accountId : null,
				subject: entry.accountId ? `StaffUser:${entry.accountId}` : null,
				details: (entry.details ?? {}) as Prisma.InputJsonObject,
				ip: entry.ip,
				requestId: entry.requestId,
			}),
	}
}

export function platformLoginStore(db: PlatformDb): LoginStore {
	return {
		kind: 'platform',
		findByEmail: async (email) => toAccount(await db.vendorStaff.findUnique({ where: { email }, select: ACCOUNT_SELECT })),
		findById: async (id) => toAccount(await db.vendorStaff.findUnique({ where: { id }, select: ACCOUNT_SELECT })),
		countFailures: (by, since) => db.loginAttempt.count({ where: { ...by, success: false, at: { gte: since } } }),
		recordAttempt: async (attempt) => void (await db.loginAttempt.create({ data: attempt })),
		incrementFailures: async (id) =>
			(await db.vendorStaff.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } })).failedLogins,
		updateAccount: async (id, data) => void (await db.vendorStaff.update({ where: { id }, data })),
		audit: async (entry) =>
			void (await db.platformAudit.create({
				data: {
					actor: entry.accountId ? `vendor:${entry.accountId}` : 'anonymous',
					action: entry.action,
					details: { ...entry.details, outcome: entry.outcome, ip: entry.ip ?? null, requestId: entry.requestId ?? null },
				},
			})),
	}
}
