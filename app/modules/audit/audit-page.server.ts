import type { TenantDb } from '../db/tenant-db.server'
import { formatDate, formatDateTime, formatMoney } from '../i18n/format'
import { pickText, type Locale } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { listAuditLog } from './list-audit-log.server'

type Entry = Awaited<ReturnType<typeof listAuditLog>>['entries'][number]

/** What an audit row names: a person or an object by its name, number or title, with a link when the office has a page for it. */
export type AuditObject = { text: string; href: string | null }

export type AuditRow = {
	id: string
	atText: string
	action: string
	outcome: string
	who: AuditObject
	ip: string | null
	subject: AuditObject | null
	details: { label: string; value: string }[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
/** Detail keys holding an amount in haléře. */
const MONEY_KEYS = new Set(['amount', 'awardedAmount', 'returnAmount', 'programmeTotal', 'budget', 'totalBudget', 'overpaid'])
/** Detail keys that only repeat an internal identifier or checksum: the subject already names the object. */
// Internal keys (a filing's document key and the records system's own id repeat the conversation's id;
// the subject already links the conversation).
const HIDDEN_KEYS = new Set([
	'email',
	'rulesHash',
	'requestId',
	'versionId',
	'tokenId',
	'attachments',
	'dropAttachmentIds',
	'hint',
	'maskedHint',
	'documentKey',
	'externalId',
	'messageId',
])

type Names = Map<string, AuditObject>

/**
 * Looks up, in one query per kind, the objects and people an audit page names (subjects "Kind:id"
 * and identifiers inside the details), so the table shows "VES-2026-000123" or "Jana Nováková"
 * with a link instead of a UUID (issue 19). What the reader may not see or no longer exists stays
 * as the kind's name only.
 */
async function lookUpNames(db: TenantDb, entries: Entry[]): Promise<Names> {
	const ids = new Map<string, Set<string>>()
	const add = (kind: string, id: string) => {
		if (!UUID.test(id)) return
		const set = ids.get(kind) ?? new Set<string>()
		set.add(id)
		ids.set(kind, set)
	}
	for (const entry of entries) {
		const [kind, id] = (entry.subject ?? '').split(':')
		if (kind && id) add(kind, id)
		if (entry.actorId) add('Person', entry.actorId)
		const details = asRecord(entry.details)
		for (const [key, value] of Object.entries(details)) {
			const kindOfKey = ID_KEYS[key]
			if (!kindOfKey) continue
			for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') add(kindOfKey, one)
		}
	}
	const list = (kind: string) => [...(ids.get(kind) ?? [])]
	const names: Names = new Map()
	const put = (kind: string, id: string, text: string, href: string | null) => names.set(`${kind}:${id}`, { text, href })
	const [staff, people, residents, submissions, claims, payments, movements, grants, board, threads, forms] = await Promise.all([
		list('StaffUser').length ? db.staffUser.findMany({ where: { id: { in: list('StaffUser') } }, select: { id: true, name: true } }) : [],
		list('Person').length ? db.person.findMany({ where: { id: { in: list('Person') } }, select: { id: true, givenName: true, familyName: true } }) : [],
		list('Resident').length ? db.resident.findMany({ where: { id: { in: list('Resident') } }, select: { id: true, givenName: true, familyName: true } }) : [],
		list('Submission').length ? db.submission.findMany({ where: { id: { in: list('Submission') } }, select: { id: true, number: true } }) : [],
		list('Claim').length ? db.claim.findMany({ where: { id: { in: list('Claim') } }, select: { id: true, variableSymbol: true } }) : [],
		list('Payment').length ? db.payment.findMany({ where: { id: { in: list('Payment') } }, select: { id: true, variableSymbol: true } }) : [],
		list('BankMovement').length ? db.bankMovement.findMany({ where: { id: { in: list('BankMovement') } }, select: { id: true, variableSymbol: true } }) : [],
		list('GrantApplication').length
			? db.grantApplication.findMany({ where: { id: { in: list('GrantApplication') } }, select: { id: true, number: true } })
			: [],
		list('BoardDocument').length ? db.boardDocument.findMany({ where: { id: { in: list('BoardDocument') } }, select: { id: true, title: true } }) : [],
		list('MessageThread').length ? db.messageThread.findMany({ where: { id: { in: list('MessageThread') } }, select: { id: true, subject: true } }) : [],
		list('Form').length ? db.form.findMany({ where: { id: { in: list('Form') } }, select: { id: true, code: true, title: true } }) : [],
	])
	for (const s of staff) put('StaffUser', s.id, s.name, '/urad/uzivatele')
	for (const p of people) put('Person', p.id, `${p.givenName} ${p.familyName}`, null)
	for (const r of residents) put('Resident', r.id, `${r.givenName} ${r.familyName}`, `/urad/poplatky/obyvatele/${r.id}`)
	for (const s of submissions) put('Submission', s.id, s.number, `/urad/podani/${s.id}`)
	for (const c of claims) put('Claim', c.id, c.variableSymbol, `/urad/poplatky/predpisy/${c.id}`)
	for (const p of payments) put('Payment', p.id, p.variableSymbol ?? '', `/urad/platby/${p.id}`)
	for (const m of movements) put('BankMovement', m.id, m.variableSymbol ?? '', `/urad/banka/pohyb/${m.id}`)
	for (const g of grants) put('GrantApplication', g.id, g.number, `/urad/dotace/zadost/${g.id}`)
	for (const b of board) put('BoardDocument', b.id, b.title, `/urad/uredni-deska/${b.id}`)
	for (const m of threads) put('MessageThread', m.id, m.subject, `/urad/zpravy/${m.id}`)
	for (const f of forms) put('Form', f.id, pickText(f.title, 'cs') || f.code, `/urad/formulare/${f.code}`)
	return names
}

/** Detail keys that hold the identifier of an object of a kind. */
const ID_KEYS: Record<string, string> = {
	claimId: 'Claim',
	paymentId: 'Payment',
	personId: 'Person',
	residentId: 'Resident',
	staffUserId: 'StaffUser',
	staffUserIds: 'StaffUser',
	assigneeId: 'StaffUser',
	evaluatorIds: 'StaffUser',
	reversedMovementId: 'BankMovement',
}

/** Where each audited thing's state names live: a change "from"/"to" a state reads as the state's name. */
const STATE_NAMES: Record<string, (locale: Locale) => Record<string, string> | undefined> = {
	Submission: (locale) => (resources[locale].forms as unknown as { status?: Record<string, string> }).status,
	GrantApplication: (locale) => (resources[locale].grants as unknown as { states?: Record<string, string> }).states,
	Claim: (locale) => (resources[locale].payments as unknown as { status?: Record<string, string> }).status,
	MessageThread: (locale) => (resources[locale].messages as unknown as { state?: Record<string, string> }).state,
	BoardDocument: (locale) => (resources[locale].board as unknown as { states?: Record<string, string> }).states,
}
const STATE_KEYS = new Set(['from', 'to', 'status', 'state'])

function asRecord(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/**
 * Audit entries as the table shows them, formatted on the server (Prague time, the visitor's
 * language, amounts in Kč, objects and people by name), so the browser renders exactly the same text
 * when it hydrates.
 */
export async function toAuditRows(db: TenantDb, entries: Entry[], locale: Locale): Promise<AuditRow[]> {
	const names = await lookUpNames(db, entries)
	const office = resources[locale].office as unknown as {
		auditSubjects: Record<string, string>
		auditDetails: Record<string, string>
		auditReasons: Record<string, string>
		yes: string
		no: string
	}
	const kindName = (kind: string) => office.auditSubjects[kind] ?? kind
	const name = (kind: string, id: string): AuditObject | null => names.get(`${kind}:${id}`) ?? null
	const show = (key: string, value: unknown, subjectKind?: string): string | null => {
		if (value === null || value === undefined || value === '') return null
		if (Array.isArray(value)) {
			const parts = value.map((one) => show(key, one, subjectKind)).filter((one): one is string => one !== null)
			return parts.length ? parts.join(', ') : null
		}
		if (typeof value === 'number' && MONEY_KEYS.has(key)) return formatMoney(value, locale)
		if (typeof value === 'boolean') return value ? office.yes : office.no
		if (typeof value === 'string') {
			// Sign-in refusals and the like record a reason code; the clerk reads its name.
			if (key === 'reason' && office.auditReasons[value]) return office.auditReasons[value]
			// A state change reads as the states' names ("Vyřízeno", not "resolved").
			const stateName = STATE_KEYS.has(key) && subjectKind ? STATE_NAMES[subjectKind]?.(locale)?.[value] : undefined
			if (stateName) return stateName
			if (UUID.test(value)) return ID_KEYS[key] ? (name(ID_KEYS[key], value)?.text ?? null) : null
			if (ISO_DAY.test(value)) return formatDate(value, locale)
			if (ISO_INSTANT.test(value)) return formatDateTime(value, locale)
			return value
		}
		if (typeof value === 'number') return String(value)
		return null
	}
	return entries.map((entry) => {
		const details = asRecord(entry.details)
		const email = typeof details.email === 'string' ? details.email : null
		const [kind, id] = (entry.subject ?? '').split(':')
		let subject: AuditObject | null = null
		if (kind && id) {
			const found = name(kind, id)
			if (found?.text) subject = { text: `${kindName(kind)} ${found.text}`, href: found.href }
			else if (!UUID.test(id)) subject = { text: `${kindName(kind)} ${id}`, href: null }
			else subject = { text: kindName(kind), href: null }
		} else if (entry.subject) subject = { text: entry.subject, href: null }
		const person = entry.actorId ? name('Person', entry.actorId) : null
		return {
			id: entry.id,
			atText: formatDateTime(entry.at, locale),
			action: entry.action,
			outcome: entry.outcome,
			who: entry.staffName
				? { text: entry.staffName, href: '/urad/uzivatele' }
				: person
					? person
					: { text: email ?? (entry.actorId ? (office.auditSubjects.Person ?? '—') : '—'), href: null },
			ip: entry.ip,
			subject,
			details: Object.entries(details)
				.filter(([key]) => !HIDDEN_KEYS.has(key))
				.map(([key, value]) => ({ label: office.auditDetails[key] ?? key, value: show(key, value, kind) }))
				.filter((detail): detail is { label: string; value: string } => detail.value !== null),
		}
	})
}
