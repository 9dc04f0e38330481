import '../util/zod-jitless'
import { z } from 'zod'
import { LOCALES } from '../i18n/locales'

// Shared by the profile form (client-side validation) and its action. Messages are keys in the
// `citizen` namespace (errors.*), translated where they are shown.

export function contactPreferencesSchema({ hasNiaEmail }: { hasNiaEmail: boolean }) {
	return z
		.object({
			notificationEmail: z.email({ error: 'errors.email' }).max(254, { error: 'errors.email' }).optional(),
			notifyByEmail: z.boolean().default(false),
			preferredLocale: z.enum(LOCALES, { error: 'errors.locale' }),
		})
		.refine((value) => !value.notifyByEmail || Boolean(value.notificationEmail) || hasNiaEmail, {
			error: 'errors.emailNeeded',
			path: ['notificationEmail'],
		})
}

export type ContactPreferences = z.infer<ReturnType<typeof contactPreferencesSchema>>

export const CloseAccountSchema = z.object({
	confirm: z.boolean({ error: 'errors.confirm' }).refine((value) => value, { error: 'errors.confirm' }),
})
