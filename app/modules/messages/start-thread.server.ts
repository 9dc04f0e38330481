import { ForbiddenError, asSubject, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import type { CheckedUpload } from '../forms/check-upload.server'
import { listTopics } from './topics.server'

type Options = {
	db: TenantDb
	ability: AppAbility
	personId: string
	authorName: string
	topic: string
	subject: string
	body: string
	files: CheckedUpload[]
	now?: Date
}

/** A citizen writes to the office: a new thread in state "new" with its first message and files, in one transaction. */
export async function startThread({ db, ability, personId, authorName, topic, subject, body, files, now = new Date() }: Options) {
	ForbiddenError.from(ability).throwUnlessCan('create', asSubject('MessageThread', { personId } as never))
	const topics = await listTopics(db)
	if (!topics.some((t) => t.code === topic)) throw new AppError('input_invalid', 'Unknown topic.')
	return db.$transaction(async (tx) => {
		const thread = await tx.messageThread.create({
			data: { personId, topic, subject, state: 'new', waitingSince: now, lastMessageAt: now, citizenReadAt: now, createdAt: now },
			select: { id: true },
		})
		await tx.threadTransition.create({ data: { threadId: thread.id, fromState: null, toState: 'new', actor: 'citizen', at: now } })
		const message = await tx.threadMessage.create({ data: { threadId: thread.id, author: 'citizen', authorName, body, createdAt: now }, select: { id: true } })
		for (const { content, ...file } of files) await tx.threadAttachment.create({ data: { messageId: message.id, ...file, content: new Uint8Array(content) } })
		return thread
	})
}
