import { z } from 'zod'
import '../util/zod-jitless'
import { AGENDAS, STAFF_ROLES } from '../access/permissions'
import { LOCALES } from '../i18n/locales'

// Form schemas of the office and the vendor console, used by Conform in the browser and by the
// actions on the server alike. Messages are translation keys in the `office` namespace.

const required = { error: 'validation.required' }

export const EmailSchema = z
	.string(required)
	.trim()
	.toLowerCase()
	.max(254, { error: 'validation.emailTooLong' })
	.pipe(z.email({ error: 'validation.email' }))

const ReturnToSchema = z.string().max(2000).optional()

export const LoginSchema = z.object({
	email: EmailSchema,
	// No rules at sign-in beyond a sane length: the rules are checked when a password is set.
	password: z.string(required).max(200, { error: 'validation.passwordTooLong' }),
	returnTo: ReturnToSchema,
})

export const CodeSchema = z.object({
	code: z.string(required).trim().min(6, { error: 'validation.code' }).max(20, { error: 'validation.code' }),
	returnTo: ReturnToSchema,
})

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

export const InviteStaffSchema = z.object({
	intent: z.literal('invite'),
	email: EmailSchema,
	name: z.string(required).trim().min(2, { error: 'validation.name' }).max(120, { error: 'validation.name' }),
	roles: z.array(z.enum(STAFF_ROLES, { error: 'validation.role' }), { error: 'validation.roles' }).min(1, { error: 'validation.roles' }),
	agendas: z.array(z.enum(AGENDAS, { error: 'validation.agenda' })).default([]),
	/** The invitee's language (the invitation e-mail, later office e-mails); none: the town's default. */
	locale: z.enum(LOCALES, { error: 'validation.locale' }).optional(),
})

/** The signed-in staff member's own settings (/urad/profil): the language of their office e-mails. */
export const StaffProfileSchema = z.object({
	locale: z.enum(LOCALES, { error: 'validation.locale' }),
})

export const StaffToggleSchema = z.object({
	intent: z.enum(['disable', 'enable']),
	staffUserId: z.uuid({ error: 'validation.staffMember' }),
})

export const StaffActionSchema = z.discriminatedUnion('intent', [InviteStaffSchema, StaffToggleSchema])

/** Where to go after signing in: a path inside the given area, never another site. */
export function returnPathWithin(area: '/urad' | '/platform', value: string | null | undefined) {
	if (!value || !value.startsWith(area) || value.startsWith('//')) return area
	try {
		const url = new URL(value, 'http://portal.invalid')
		return url.host === 'portal.invalid' && (url.pathname === area || url.pathname.startsWith(`${area}/`)) ? url.pathname + url.search : area
	} catch {
		return area
	}
}
