import type { Locale } from '../i18n/locales'
import type { listAuditLog } from './list-audit-log.server'

const intlLocale: Record<Locale, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' }

type Entry = Awaited<ReturnType<typeof listAuditLog>>['entries'][number]

/**
 * Audit entries as the table shows them, formatted on the server (Prague time, the visitor's
 * language), so the browser renders exactly the same text when it hydrates.
 */
export function toAuditRows(entries: Entry[], locale: Locale) {
	const format = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Prague' })
	return entries.map((entry) => {
		const details = entry.details && typeof entry.details === 'object' && !Array.isArray(entry.details) ? (entry.details as Record<string, unknown>) : {}
		const email = typeof details.email === 'string' ? details.email : null
		const summary = Object.entries(details)
			.filter(([key]) => key !== 'email')
			.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
			.join(', ')
		return {
			id: entry.id,
			atText: format.format(new Date(entry.at)),
			action: entry.action,
			outcome: entry.outcome,
			who: entry.staffName ?? email ?? (entry.actorId ? `Person:${entry.actorId.slice(0, 8)}` : '—'),
			ip: entry.ip,
			summary: [entry.subject, summary].filter(Boolean).join(' · ') || '—',
		}
	})
}
