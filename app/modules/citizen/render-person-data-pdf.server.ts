import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { formatDate } from '../i18n/format'
import type { Locale } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { NiaAddress } from '../nia/read-nia-identity.server'
import type { PersonData } from './collect-person-data.server'
import { formatAddress } from './get-citizen-profile.server'

// pdfkit's built-in fonts (Helvetica…) have no Czech or Ukrainian letters; DejaVu Sans has both and
// comes from npm (dejavu-fonts-ttf), so no machine needs system fonts installed.
const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

const when = (iso: string | null | undefined, locale: Locale) =>
	iso ? `${formatDate(iso, locale)} ${new Date(iso).toLocaleTimeString('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })}` : '—'

/** The GDPR access export as a readable PDF in the citizen's language (the JSON export holds the same data). */
export function renderPersonDataPdf({ data, locale, townName }: { data: PersonData; locale: Locale; townName: string }): Promise<Buffer> {
	const t = resources[locale].citizen
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: `${t.export.title} – ${townName}`, Author: townName } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	const heading = (text: string) => doc.moveDown().font(FONT_BOLD).fontSize(13).text(text).font(FONT).fontSize(10).moveDown(0.3)
	const row = (label: string, value: unknown) =>
		doc.text(`${label}: `, { continued: true }).text(value === null || value === undefined || value === '' ? '—' : String(value))

	doc.font(FONT_BOLD).fontSize(18).text(t.export.title)
	doc
		.font(FONT)
		.fontSize(10)
		.text(`${t.export.town}: ${townName}`)
		.text(`${t.export.generated}: ${when(data.exportedAt, locale)}`)

	const { person } = data
	heading(t.export.person)
	row(t.profile.name, `${person.givenName} ${person.familyName}`)
	row(t.profile.dateOfBirth, person.dateOfBirth && formatDate(person.dateOfBirth, locale))
	row(t.profile.address, formatAddress(person.address as NiaAddress | null))
	row(t.profile.residency, person.isResident ? t.profile.resident : t.profile.notResident)
	row(t.export.personIdentifier, person.personIdentifier)
	row(t.profile.niaEmail, person.email)
	row(t.profile.niaPhone, person.phone)
	row(t.profile.loa, person.levelOfAssurance && t.loginFailure.loaLevels[person.levelOfAssurance as 'low' | 'substantial' | 'high'])
	row(t.profile.notificationEmail, person.notificationEmail)
	row(t.profile.notifyByEmail, person.notifyByEmail ? '✓' : '✗')
	row(t.profile.preferredLocale, person.preferredLocale)
	row(t.export.createdAt, when(person.createdAt, locale))
	row(t.profile.lastLogin, when(person.lastLoginAt, locale))

	heading(t.export.sessions)
	if (!data.sessions.length) doc.text(t.export.none)
	for (const session of data.sessions)
		doc.text(`${when(session.createdAt, locale)} – ${when(session.lastSeenAt, locale)}  ${session.ip ?? ''}  ${session.userAgent ?? ''}`)

	heading(t.export.audit)
	if (!data.auditLog.length) doc.text(t.export.none)
	for (const entry of data.auditLog) doc.text(`${when(entry.at, locale)}  ${entry.action}  ${entry.outcome}${entry.ip ? `  ${entry.ip}` : ''}`)

	heading(t.export.retention)
	for (const line of t.close.kept) doc.text(`• ${line.replace('{{years}}', String(data.retention.accountingRecordsYears))}`, { paragraphGap: 4 })
	doc.end()
	return done
}
