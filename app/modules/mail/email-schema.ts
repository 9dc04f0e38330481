import { z } from 'zod'
import { LOCALES } from '../i18n/locales'
import { TenantJobSchema } from '../jobs/define-job'

// Links in e-mail go to web pages only: never javascript:, data: or mailto: from a payload.
const WebLinkSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000)
const InstantSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time, e.g. 2026-12-01T12:00:00Z' })
const ShortTextSchema = z.string().trim().min(1).max(200)

export const StaffInvitationDataSchema = z.object({
	link: WebLinkSchema,
	inviterName: ShortTextSchema,
	expiresAt: InstantSchema,
})

export const PasswordResetDataSchema = z.object({
	link: WebLinkSchema,
	expiresAt: InstantSchema,
})

/** A message whose words the caller supplies, already in the mail's language. */
export const NotificationDataSchema = z.object({
	subject: ShortTextSchema,
	paragraphs: z.array(z.string().trim().min(1).max(5000)).min(1).max(20),
	action: z.object({ label: ShortTextSchema, link: WebLinkSchema }).optional(),
	/** A QR Platba code drawn into the mail (a PNG attached inline), e.g. in a payment reminder. */
	qr: z
		.object({
			spayd: z.string().regex(/^SPD\*1\.0\*[\x20-\x7e]{1,600}$/, 'must be a SPAYD string (SPD*1.0*...)'),
			alt: ShortTextSchema,
			caption: z.string().trim().min(1).max(500),
		})
		.optional(),
})

const EmailBaseSchema = TenantJobSchema.extend({
	to: z.email({ error: 'must be an e-mail address' }).max(254),
	locale: z.enum(LOCALES),
	/** A one-click unsubscribe link (RFC 8058), sent as List-Unsubscribe and List-Unsubscribe-Post headers (announcements). */
	unsubscribe: WebLinkSchema.optional(),
})

/** The payload of the send-email job, and what enqueueEmail() accepts: a template and its data. */
export const EmailJobSchema = z.discriminatedUnion('template', [
	EmailBaseSchema.extend({ template: z.literal('staff-invitation'), data: StaffInvitationDataSchema }),
	EmailBaseSchema.extend({ template: z.literal('password-reset'), data: PasswordResetDataSchema }),
	EmailBaseSchema.extend({ template: z.literal('notification'), data: NotificationDataSchema }),
])

export type EmailJob = z.infer<typeof EmailJobSchema>
export type EmailTemplateName = EmailJob['template']
export type EmailData<Template extends EmailTemplateName> = Extract<EmailJob, { template: Template }>['data']
/** One e-mail to render: a template, its data and the language (the job payload without its addressing). */
export type EmailMessage = { [Template in EmailTemplateName]: { template: Template; data: EmailData<Template>; locale: EmailJob['locale'] } }[EmailTemplateName]
export const EMAIL_TEMPLATES = ['staff-invitation', 'password-reset', 'notification'] as const satisfies readonly EmailTemplateName[]
