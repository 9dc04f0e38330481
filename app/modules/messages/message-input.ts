import { z } from 'zod'

export const MAX_BODY = 5000
export const MAX_SUBJECT = 200

export const NewThreadSchema = z.object({
	topic: z.string().trim().min(1).max(60),
	subject: z.string().trim().min(1).max(MAX_SUBJECT),
	body: z.string().trim().min(1).max(MAX_BODY),
})

export const ReplySchema = z.object({ body: z.string().trim().min(1).max(MAX_BODY) })
