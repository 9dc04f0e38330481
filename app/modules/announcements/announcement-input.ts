import { z } from 'zod'

export const ANNOUNCEMENT_TITLE_MAX = 200
export const ANNOUNCEMENT_BODY_MAX = 5000

const OptionalDate = z
	.string()
	.trim()
	.regex(/^(\d{4}-\d{2}-\d{2})?$/)
	.transform((value) => (value ? value : undefined))
	.optional()

/** The office's new announcement form. Field errors are shown at each field; nothing is saved when one fails. */
export const AnnouncementInputSchema = z
	.object({
		topic: z.string({ error: 'topic' }).trim().min(1, 'topic'),
		title: z.string({ error: 'title' }).trim().min(1, 'title').max(ANNOUNCEMENT_TITLE_MAX, 'title'),
		body: z.string({ error: 'body' }).trim().min(1, 'body').max(ANNOUNCEMENT_BODY_MAX, 'body'),
		validFrom: OptionalDate,
		validTo: OptionalDate,
	})
	.refine((value) => !value.validFrom || !value.validTo || value.validTo >= value.validFrom, { path: ['validTo'], message: 'validTo' })

export type AnnouncementInput = z.output<typeof AnnouncementInputSchema>
