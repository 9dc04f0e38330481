// The announcements module's job contract (docs/decisions/018); the handler is app/jobs/send-announcement.server.ts.
import { z } from 'zod'
import { defineJobContract, TenantJobSchema } from '../jobs/define-job'

/**
 * One page of an announcement's recipients (decision 023). The handler enqueues the next page until
 * every subscriber is done, so a 20 000-recipient announcement is many short jobs, the web keeps its
 * database connections, and the sender sees progress (announcement.processed of recipients).
 */
export const sendAnnouncementJob = defineJobContract({
	name: 'send-announcement',
	schema: TenantJobSchema.extend({ announcementId: z.uuid() }),
	retry: { limit: 5, delaySeconds: 30, backoff: true },
	batchSize: 1,
	expireInSeconds: 10 * 60,
})
