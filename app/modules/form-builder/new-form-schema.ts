// A blank new form in the builder: its code (the URL, never changed later), its name in cs/en/uk and
// the agenda that handles it. Shared by the page (Conform) and the action; messages are keys in the
// forms-office namespace.
import { z } from 'zod'

/** Codes the office's own form pages use as paths (/urad/formulare/novy, /urad/formulare/export). */
export const RESERVED_FORM_CODES = ['novy', 'export'] as const

const title = z.string().trim().max(200, { error: 'forms-office:newForm.errors.titleLong' })

export const NewFormSchema = z.object({
	code: z
		.string({ error: 'forms-office:newForm.errors.codeRequired' })
		.trim()
		.regex(/^[a-z][a-z0-9-]{1,60}$/, { error: 'forms-office:newForm.errors.codeFormat' })
		.refine((code) => !(RESERVED_FORM_CODES as readonly string[]).includes(code), { error: 'forms-office:newForm.errors.codeReserved' }),
	titleCs: z.string({ error: 'forms-office:newForm.errors.titleRequired' }).trim().min(1, { error: 'forms-office:newForm.errors.titleRequired' }).pipe(title),
	titleEn: title.optional(),
	titleUk: title.optional(),
	agenda: z.string({ error: 'forms-office:newForm.errors.agenda' }).trim().min(1, { error: 'forms-office:newForm.errors.agenda' }),
})
export type NewForm = z.infer<typeof NewFormSchema>
