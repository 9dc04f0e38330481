import { z } from 'zod'
import { MAX_BODY } from './message-input'

export const OfficeThreadActionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('reply'),
		body: z.string().trim().max(MAX_BODY).optional(),
		cannedReplyId: z
			.uuid()
			.optional()
			.or(z.literal('').transform(() => undefined)),
		internal: z.literal('on').optional(),
	}),
	z.object({
		intent: z.literal('assign'),
		assigneeId: z
			.uuid()
			.optional()
			.or(z.literal('').transform(() => undefined)),
	}),
	z.object({ intent: z.literal('close') }),
	z.object({ intent: z.literal('reopen') }),
	z.object({ intent: z.literal('revoke-link') }),
	// File the whole conversation (no messageId) or one message into the records system.
	z.object({
		intent: z.literal('file'),
		messageId: z
			.uuid()
			.optional()
			.or(z.literal('').transform(() => undefined)),
	}),
	z.object({ intent: z.literal('file-retry'), filingId: z.uuid() }),
])
