import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { resources } from '../i18n/resources.server'
import { enqueueEmail } from '../mail/enqueue-email.server'
import { defaultPreference } from '../notifications/notification-kinds'
import { personLocale, type TownAddress } from '../notifications/notify-outside.server'

/** Recipients per job: small enough that one page is a few seconds, large enough to keep the job count low. */
export const ANNOUNCEMENT_PAGE_SIZE = 500

export type PageResult = { done: boolean; processed: number; inPortal: number; emailed: number; failed: number }

/**
 * Sends one page of an announcement (decision 023): the next ANNOUNCEMENT_PAGE_SIZE subscribers of
 * its topic after the stored cursor, who subscribed before it was written. In the portal list
 * once per person (notification key `announcement:<id>`, so a retried page adds nothing there); by
 * e-mail when the citizen's channel choice for announcements says so, with a one-click unsubscribe
 * link (List-Unsubscribe, RFC 8058). The cursor and the counts move in one update at the end.
 */
export async function sendAnnouncementPage({ db: outer, town, announcementId, pageSize = ANNOUNCEMENT_PAGE_SIZE }: { db: TenantDb; town: TownAddress; announcementId: string; pageSize?: number }): Promise<PageResult> {
	// The row lock makes a second worker on the same announcement (a retry racing a slow first try)
	// wait and then start from the moved cursor, so no page is sent twice.
	return outer.$transaction((db) => sendPageInTx(db, town, announcementId, pageSize), { timeout: 10 * 60_000, maxWait: 60_000 })
}

async function sendPageInTx(db: Prisma.TransactionClient, town: TownAddress, announcementId: string, pageSize: number): Promise<PageResult> {
	await db.announcement.updateMany({ where: { id: announcementId }, data: { failed: { increment: 0 } } })
	const announcement = await db.announcement.findUniqueOrThrow({ where: { id: announcementId }, select: { id: true, topic: true, title: true, body: true, state: true, cursor: true, createdAt: true, recipients: true, processed: true } })
	if (announcement.state === 'sent') return { done: true, processed: 0, inPortal: 0, emailed: 0, failed: 0 }
	const page = await db.announcementSubscription.findMany({
		where: { topic: announcement.topic, createdAt: { lte: announcement.createdAt }, ...(announcement.cursor ? { personId: { gt: announcement.cursor } } : {}) },
		orderBy: { personId: 'asc' },
		take: pageSize,
		select: { personId: true, token: true, person: { select: { closedAt: true, notifyByEmail: true, notificationEmail: true, email: true, preferredLocale: true } } },
	})
	const ids = page.map((row) => row.personId)
	const choices = await db.notificationPreference.findMany({ where: { personId: { in: ids }, kind: 'announcement' }, select: { personId: true, channel: true, enabled: true } })
	const wants = (personId: string, channel: 'portal' | 'email') => choices.find((c) => c.personId === personId && c.channel === channel)?.enabled ?? defaultPreference(channel)
	const open = page.filter((row) => !row.person.closedAt)

	const portal = open.filter((row) => wants(row.personId, 'portal'))
	const { count: inPortal } = await db.notification.createMany({
		data: portal.map((row) => ({ personId: row.personId, kind: 'announcement', eventKey: `announcement:${announcement.id}`, link: '/oznameni', params: { label: announcement.title } })),
		skipDuplicates: true,
	})

	let emailed = 0
	let failed = 0
	for (const row of open) {
		const to = row.person.notificationEmail ?? row.person.email
		if (!to || !row.person.notifyByEmail || !wants(row.personId, 'email')) continue
		const locale = personLocale(row.person.preferredLocale)
		const t = resources[locale].messages.announcementMail
		const unsubscribe = `${town.origin}/odhlasit-odber/${row.token}`
		try {
			await enqueueEmail({
				tenantSlug: town.slug,
				to,
				locale,
				unsubscribe,
				template: 'notification',
				data: { subject: announcement.title, paragraphs: [...announcement.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean).slice(0, 18), t.unsubscribe.replace('{{link}}', unsubscribe)], action: { label: t.open, link: `${town.origin}/` } },
			})
			emailed += 1
		} catch {
			failed += 1
		}
	}

	const done = page.length < pageSize
	const processed = Math.min(announcement.recipients, announcement.processed + page.length)
	await db.announcement.update({
		where: { id: announcement.id },
		data: {
			processed,
			inPortal: { increment: inPortal },
			emailed: { increment: emailed },
			failed: { increment: failed },
			cursor: page.at(-1)?.personId ?? announcement.cursor,
			...(done ? { state: 'sent', finishedAt: new Date(), processed: announcement.recipients } : {}),
		},
	})
	return { done, processed: page.length, inPortal, emailed, failed }
}
