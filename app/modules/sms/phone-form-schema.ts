import '../util/zod-jitless'
import { z } from 'zod'

// The phone page's two forms (/profil/telefon), told apart by intent. Messages are keys in the
// `citizen` namespace (phone.errors.*); the number itself is checked on the server (libphonenumber-js).
export const PhoneFormSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('send-code'),
		phone: z
			.string({ error: 'phone.errors.phone_invalid' })
			.trim()
			.min(6, { error: 'phone.errors.phone_invalid' })
			.max(30, { error: 'phone.errors.phone_invalid' }),
	}),
	z.object({
		intent: z.literal('confirm'),
		code: z
			.string({ error: 'phone.errors.code_format' })
			.trim()
			.regex(/^\d{6}$/, { error: 'phone.errors.code_format' }),
	}),
	z.object({ intent: z.literal('remove') }),
])
