import { z } from 'zod'
import { BOARD_CATEGORIES } from './board-categories'

// What a clerk fills in to post or edit a document. Error messages are keys in board.json.
const optionalText = (max: number) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
		z.string().trim().max(max, { error: 'errors.tooLong' }).optional(),
	)
const Day = z.string({ error: 'errors.dateRequired' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.dateInvalid' })

export const BoardDocumentInputSchema = z
	.object({
		title: z.string({ error: 'errors.titleRequired' }).trim().min(3, { error: 'errors.titleRequired' }).max(300, { error: 'errors.tooLong' }),
		description: optionalText(5000),
		category: z.enum(BOARD_CATEGORIES, { error: 'errors.categoryRequired' }),
		referenceNumber: optionalText(100),
		fileMark: optionalText(100),
		concerns: optionalText(500),
		postedFrom: Day,
		postedUntil: Day,
		changeNote: optionalText(500),
	})
	.refine((input) => input.postedUntil >= input.postedFrom, { error: 'errors.untilBeforeFrom', path: ['postedUntil'] })
export type BoardDocumentInput = z.infer<typeof BoardDocumentInputSchema>

export const BoardRemovalSchema = z.object({
	intent: z.literal('remove'),
	reason: z.string({ error: 'errors.reasonRequired' }).trim().min(5, { error: 'errors.reasonRequired' }).max(1000, { error: 'errors.tooLong' }),
})
