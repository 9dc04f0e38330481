import { z } from 'zod'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { MAX_BODY } from './message-input'

export const CannedReplySchema = z.object({ title: z.string().trim().min(1).max(120), body: z.string().trim().min(1).max(MAX_BODY) })

export async function listCannedReplies(db: TenantDb) {
	return db.cannedReply.findMany({ orderBy: [{ title: 'asc' }, { id: 'asc' }], take: 200, select: { id: true, title: true, body: true } })
}

/** The text of one canned reply, or null when it was removed meanwhile. */
export async function findCannedReplyBody(db: TenantDb, id: string) {
	return (await db.cannedReply.findUnique({ where: { id }, select: { body: true } }))?.body ?? null
}

export async function addCannedReply(db: TenantDb, { title, body, staffId }: { title: string; body: string; staffId: string }) {
	await db.$transaction(async (tx) => {
		const reply = await tx.cannedReply.create({ data: { title, body }, select: { id: true } })
		await recordAudit(tx, { action: 'canned_reply.added', staffId, subject: `CannedReply:${reply.id}` })
	})
}

export async function removeCannedReply(db: TenantDb, { id, staffId }: { id: string; staffId: string }) {
	await db.$transaction(async (tx) => {
		const { count } = await tx.cannedReply.deleteMany({ where: { id } })
		if (count) await recordAudit(tx, { action: 'canned_reply.removed', staffId, subject: `CannedReply:${id}` })
	})
}
