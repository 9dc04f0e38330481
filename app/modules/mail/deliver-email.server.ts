import { getEnv } from '../env/env.server'
import { getTenantDb } from '../db/tenant-db.server'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'
import { getTownProfile } from '../tenancy/town-profile.server'
import type { EmailJob } from './email-schema'
import { mailSender } from './mail-sender'
import { getMailTransport } from './mail-transport.server'
import { renderEmail } from './render-email'
import { QR_CID } from './templates/notification'
import { renderQrPlatbaPng } from '../payments/qr/qr-image.server'

const LOGO_EXTENSIONS: Record<string, string> = { 'image/svg+xml': 'svg', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }

/**
 * Renders one e-mail in the town's look and hands it to the SMTP server. Called by the send-email
 * job only (app/jobs/send-email.server.ts): application code enqueues with enqueueEmail().
 * The Message-ID is derived from the job, so a retry after a lost answer sends the same message id.
 */
export async function deliverEmail({ tenant, email, jobId }: { tenant: ResolvedTenant; email: EmailJob; jobId: string }) {
	const profile = await getTownProfile(tenant)
	const settings = await getTenantDb(tenant).townSettings.findUnique({ where: { id: 1 }, select: { logo: true, logoType: true } })
	const logo = settings?.logo && settings.logoType ? { content: Buffer.from(settings.logo), type: settings.logoType } : null
	const logoCid = logo ? `coat-of-arms.${tenant.slug}@portal-obcana` : null
	const rendered = renderEmail({ email, town: profile, logoCid })
	const sender = mailSender(profile, email.locale, getEnv().MAIL_FROM_DOMAIN)
	const info = await getMailTransport().sendMail({
		...sender,
		to: email.to,
		subject: rendered.subject,
		text: rendered.text,
		html: rendered.html,
		messageId: `<${jobId}@portal-obcana>`,
		headers: {
			'Auto-Submitted': 'auto-generated',
			'X-Portal-Tenant': tenant.slug,
			'X-Portal-Template': email.template,
			// RFC 8058 one-click unsubscribe: the mail client POSTs "List-Unsubscribe=One-Click" to the link.
			...(email.unsubscribe ? { 'List-Unsubscribe': `<${email.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
		},
		attachments: [
			...(logo && logoCid
				? [
						{
							filename: `coat-of-arms.${LOGO_EXTENSIONS[logo.type] ?? 'bin'}`,
							content: logo.content,
							contentType: logo.type,
							cid: logoCid,
							contentDisposition: 'inline' as const,
						},
					]
				: []),
			...(email.template === 'notification' && email.data.qr
				? [
						{
							filename: 'qr-platba.png',
							content: await renderQrPlatbaPng(email.data.qr.spayd),
							contentType: 'image/png',
							cid: QR_CID,
							contentDisposition: 'inline' as const,
						},
					]
				: []),
		],
	})
	return { messageId: info.messageId }
}
