import { formatDate } from '../i18n/format'
import type { Locale } from '../i18n/locales'
import type { ThreadDetail } from './get-thread.server'

function time(date: Date, locale: Locale) {
	return `${formatDate(date, locale)} ${date.toLocaleTimeString('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })}`
}

/** What a thread page shows: dates formatted, bytes left out. */
export function threadView(thread: ThreadDetail, locale: Locale) {
	return {
		id: thread.id,
		subject: thread.subject,
		state: thread.state,
		submission: thread.submission,
		assignee: thread.assignedStaff?.name ?? null,
		assignedStaffId: thread.assignedStaffId,
		citizen: thread.person ? `${thread.person.givenName} ${thread.person.familyName}` : null,
		messages: thread.messages.map((message) => ({ ...message, createdAt: time(message.createdAt, locale) })),
	}
}
