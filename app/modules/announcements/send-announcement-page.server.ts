import { randomUUID } from 'node:crypto'
import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { resources } from '../i18n/resources.server'
import { enqueueJobsInTransaction, wakeJobs } from '../jobs/enqueue.server'
import type { EmailJob } from '../mail/email-schema'
import { sendEmailJob } from '../mail/mail-jobs'
import { defaultPreference } from '../notifications/notification-kinds'
import { personLocale, type TownAddress } from '../notifications/notify-outside.server'
import { planSms, queueSmsInTransaction } from '../sms/queue-sms.server'
import { hasSmsProvider } from '../sms/sms-credentials.server'
import { sendSmsJob } from '../sms/sms-jobs'
import { lockAnnouncement, transitionAnnouncement } from './announcement-states'

/** Recipients per job: small enough that one page is a few seconds, large enough to keep the job count low. */
export const ANNOUNCEMENT_PAGE_SIZE = 500

export type PageResult = { done: boolean; processed: number; inPortal: number; emailed: number; texts: number; failed: number }

const NOTHING: PageResult = { done: true, processed: 0, inPortal: 0, emailed: 0, texts: 0, failed: 0 }

/**
 * Sends one page of an announcement (decision 023): the next ANNOUNCEMENT_PAGE_SIZE subscribers of
 * its topic after the stored cursor, who subscribed before it was written. In the portal list once
 * per person (notification key `announcement:<id>`); by e-mail when the citizen's channel choice for
 * announcements says so, with a one-click unsubscribe link (List-Unsubscribe, RFC 8058).
 *
 * Everything a page does commits together, in one transaction: the claim of its recipients
 * (announcement_delivery, one row per person, primary key = the claim), their portal notices, their
 * send-email jobs (queued through pg-boss inside the same transaction), the counts, the cursor and
 * the state change. A page that fails leaves nothing behind and its retry starts afresh; a page that
 * committed is never sent again, because its retry finds the cursor moved and the people claimed.
 */
export async function sendAnnouncementPage({
	db: outer,
	town,
	announcementId,
	pageSize = ANNOUNCEMENT_PAGE_SIZE,
}: {
	db: TenantDb
	town: TownAddress
	announcementId: string
	pageSize?: number
}): Promise<PageResult> {
	// The row lock makes a second worker on the same announcement (a retry racing a slow first try)
	// wait and then start from the moved cursor.
	const result = await outer.$transaction((db) => sendPageInTx(db, town, announcementId, pageSize), { timeout: 10 * 60_000, maxWait: 60_000 })
	if (result.emailed) wakeJobs(sendEmailJob)
	if (result.texts) wakeJobs(sendSmsJob)
	return result
}

type Plan = { personId: string; inPortal: boolean; email: (EmailJob & { template: 'notification' }) | null; jobId: string | null; smsPhone: string | null }

async function sendPageInTx(db: Prisma.TransactionClient, town: TownAddress, announcementId: string, pageSize: number): Promise<PageResult> {
	const state = await lockAnnouncement(db, announcementId)
	// Sent: a retry after the end. Failed: stopped until the office resumes it. Gone: deleted meanwhile.
	if (state === null || state === 'sent' || state === 'failed') return NOTHING
	if (state === 'queued') await transitionAnnouncement(db, { announcementId, to: 'sending', actor: 'job' })
	const announcement = await db.announcement.findUniqueOrThrow({
		where: { id: announcementId },
		select: { id: true, topic: true, title: true, body: true, cursor: true, createdAt: true, recipients: true, processed: true },
	})
	const page = await db.announcementSubscription.findMany({
		where: { topic: announcement.topic, createdAt: { lte: announcement.createdAt }, ...(announcement.cursor ? { personId: { gt: announcement.cursor } } : {}) },
		orderBy: { personId: 'asc' },
		take: pageSize,
		select: {
			personId: true,
			token: true,
			person: { select: { closedAt: true, notifyByEmail: true, notificationEmail: true, email: true, preferredLocale: true, smsPhone: true } },
		},
	})
	const ids = page.map((row) => row.personId)
	const choices = await db.notificationPreference.findMany({
		where: { personId: { in: ids }, kind: 'announcement' },
		select: { personId: true, channel: true, enabled: true },
	})
	// SMS only where the town has a provider, to a confirmed number, for those who chose it (default off).
	const townTexts = await hasSmsProvider(db)
	const wants = (personId: string, channel: 'portal' | 'email' | 'sms') =>
		choices.find((c) => c.personId === personId && c.channel === channel)?.enabled ?? defaultPreference(channel)
	const paragraphs = announcement.body
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.slice(0, 18)

	const plans: Plan[] = page.map((row) => {
		const open = !row.person.closedAt
		const to = row.person.notificationEmail ?? row.person.email
		const byEmail = open && !!to && row.person.notifyByEmail && wants(row.personId, 'email')
		let email: Plan['email'] = null
		if (byEmail) {
			const locale = personLocale(row.person.preferredLocale)
			const t = resources[locale].messages.announcementMail
			const unsubscribe = `${town.origin}/odhlasit-odber/${row.token}`
			email = {
				tenantSlug: town.slug,
				to: to!,
				locale,
				unsubscribe,
				template: 'notification',
				data: {
					subject: announcement.title,
					paragraphs: [...paragraphs, t.unsubscribe.replace('{{link}}', unsubscribe)],
					action: { label: t.open, link: `${town.origin}/` },
				},
			}
		}
		const smsPhone = townTexts && open && row.person.smsPhone && wants(row.personId, 'sms') ? row.person.smsPhone : null
		return { personId: row.personId, inPortal: open && wants(row.personId, 'portal'), email, jobId: email ? randomUUID() : null, smsPhone }
	})

	// The claim: whoever already has a delivery row for this announcement is skipped from here on.
	const smsText = `${announcement.title}\n${paragraphs.join('\n')}`
	const texts = new Map(
		planSms(
			plans
				.filter((plan) => plan.smsPhone)
				.map((plan) => ({ personId: plan.personId, phone: plan.smsPhone!, text: smsText, purpose: 'announcement' as const, announcementId })),
		).map((row) => [row.personId!, row]),
	)
	const claimed = new Set(
		(
			await db.announcementDelivery.createManyAndReturn({
				data: plans.map((plan) => ({
					announcementId,
					personId: plan.personId,
					inPortal: plan.inPortal,
					emailJobId: plan.jobId,
					smsMessageId: texts.get(plan.personId)?.id ?? null,
					outcome: plan.inPortal || plan.jobId || texts.has(plan.personId) ? 'sent' : 'skipped',
				})),
				skipDuplicates: true,
				select: { personId: true },
			})
		).map((row) => row.personId),
	)
	const mine = plans.filter((plan) => claimed.has(plan.personId))

	const { count: inPortal } = await db.notification.createMany({
		data: mine
			.filter((plan) => plan.inPortal)
			.map((plan) => ({
				personId: plan.personId,
				kind: 'announcement',
				eventKey: `announcement:${announcement.id}`,
				link: '/oznameni',
				params: { label: announcement.title },
			})),
		skipDuplicates: true,
	})

	const mails = mine.filter((plan): plan is Plan & { email: NonNullable<Plan['email']>; jobId: string } => !!plan.email && !!plan.jobId)
	const { ids: queued, refused } = await enqueueJobsInTransaction(
		db,
		sendEmailJob,
		mails.map((plan) => ({ id: plan.jobId, payload: plan.email })),
	)
	// A mail refused before queueing (e.g. an address the mail schema does not accept) is recorded as such.
	for (const index of refused.keys()) {
		const plan = mails[index]!
		await db.announcementDelivery.update({
			where: { announcementId_personId: { announcementId, personId: plan.personId } },
			data: { emailJobId: null, outcome: plan.inPortal ? 'sent' : 'failed' },
		})
	}
	const emailed = queued.size
	// Texts: their rows and jobs commit with this page; each job counts its text sent or failed.
	const textsQueued = await queueSmsInTransaction(
		db,
		town.slug,
		mine.flatMap((plan) => (texts.has(plan.personId) ? [texts.get(plan.personId)!] : [])),
	)
	const failed = refused.size

	const done = page.length < pageSize
	await db.announcement.update({
		where: { id: announcement.id },
		data: {
			processed: done ? announcement.recipients : Math.min(announcement.recipients, announcement.processed + page.length),
			inPortal: { increment: inPortal },
			emailed: { increment: emailed },
			failed: { increment: failed },
			cursor: page.at(-1)?.personId ?? announcement.cursor,
		},
	})
	if (done) await transitionAnnouncement(db, { announcementId, to: 'sent', actor: 'job', detail: { processed: announcement.recipients } })
	return { done, processed: mine.length, inPortal, emailed, texts: textsQueued, failed }
}
