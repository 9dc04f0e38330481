import { z } from 'zod'
import { CLERK_STATUSES } from './status-transitions'

/** The detail page's three forms, told apart by `intent`. */
export const InboxActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('assign'), assigneeId: z.uuid() }),
	z.object({ intent: z.literal('status'), status: z.enum(CLERK_STATUSES), message: z.string().trim().max(4000).optional() }),
	z.object({ intent: z.literal('resend') }),
])
