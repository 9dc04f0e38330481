import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/** A file on a message of a thread the ability may read; a citizen never gets one on an internal note. */
export async function readThreadAttachment({
	db,
	ability,
	threadId,
	attachmentId,
	forCitizen,
}: {
	db: TenantDb
	ability: AppAbility
	threadId: string
	attachmentId: string
	forCitizen: boolean
}) {
	return db.threadAttachment.findFirst({
		where: { id: attachmentId, message: { threadId, ...(forCitizen ? { isInternal: false } : {}), thread: accessibleWhere(ability, 'read', 'MessageThread') } },
		select: { fileName: true, contentType: true, content: true },
	})
}

export function attachmentResponse(file: { fileName: string; contentType: string; content: Uint8Array }) {
	return new Response(new Uint8Array(file.content), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	})
}
