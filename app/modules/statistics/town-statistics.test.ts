import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { getPublicStatistics, listPublicStatisticsRows } from './get-public-statistics.server'
import { getTownStatistics } from './get-town-statistics.server'
import { refreshStatistics } from './refresh-statistics.server'
import { chartCsv, publicStatisticsCsv } from './statistics-csv.server'
import { sumPlatformStatistics } from './sum-platform-statistics.server'
import { updatePublishedStatistics } from './update-published-statistics.server'

// A small town whose every figure was computed by hand (see the comments). The period is February
// and March 2026, compared with December 2025 and January 2026; "today" is 20 March 2026.
const town = await createTown('stats-town')
const db = getTenantDb(town.tenant)
const NOW = new Date('2026-03-20T10:00:00Z')
const at = (iso: string) => new Date(iso)

// Citizens (first NIA login): Nov, Jan, Feb (31 Jan 23:30 UTC is 1 Feb 00:30 in Prague), Mar.
const [ann, ben, cyril, dana] = await Promise.all(
	[
		['Anna', 'Statistická', '2025-11-10T10:00:00Z'],
		['Bedřich', 'Počtář', '2026-01-15T10:00:00Z'],
		['Cyril', 'Mediánek', '2026-01-31T23:30:00Z'],
		['Dana', 'Průměrná', '2026-03-10T10:00:00Z'],
	].map(([givenName, familyName, createdAt]) =>
		db.person.create({
			data: {
				givenName: givenName!,
				familyName: familyName!,
				email: `${givenName!.toLowerCase()}@example.cz`,
				personIdentifier: `CZ/CZ/${givenName}`,
				createdAt: at(createdAt!),
			},
		}),
	),
)
// Logins: Anna twice and Bedřich once in February (2 active), Anna in March (1), a failed login in March (not counted).
for (const [actorId, when, outcome] of [
	[ann!.id, '2026-02-02T08:00:00Z', 'ok'],
	[ann!.id, '2026-02-20T08:00:00Z', 'ok'],
	[ben!.id, '2026-02-05T08:00:00Z', 'ok'],
	[ann!.id, '2026-03-03T08:00:00Z', 'ok'],
	[null, '2026-03-04T08:00:00Z', 'failed'],
] as const) {
	await db.auditLog.create({ data: { action: outcome === 'ok' ? 'auth.login' : 'auth.login_failed', actorId, outcome, at: at(when) } })
}

// Forms and submissions. dog: Feb 2 logged in + 1 anonymous, Jan 1 anonymous; waste-change: Mar 1 logged in.
// Resolved in the period: dog 24 h, 60 h, 36 h (median 36 h = 1.5 d), waste-change 48 h (2.0 d);
// all four: (36 + 48) / 2 = 42 h = 1.75 d -> 1.8. Previous period: dog 12 h (0.5 d).
const form = async (code: string, title: string) =>
	db.form.create({
		data: { code, lifeSituation: 'other', agenda: 'general', title: { cs: title, en: title }, versions: { create: { version: 1, definition: {} } } },
		include: { versions: true },
	})
const dog = await form('dog', 'Přihlášení psa')
const waste = await form('waste-change', 'Změna u odpadu')
let number = 0
const submit = (f: typeof dog, personId: string | null, submitted: string, hoursToResolve: number | null) =>
	db.submission.create({
		data: {
			number: `STA-2026-${String(++number).padStart(6, '0')}`,
			formVersionId: f.versions[0]!.id,
			agenda: 'general',
			personId,
			data: { name: 'Anna Statistická' },
			submittedAt: at(submitted),
			resolvedAt: hoursToResolve === null ? null : new Date(at(submitted).getTime() + hoursToResolve * 3_600_000),
			status: hoursToResolve === null ? 'submitted' : 'resolved',
		},
	})
await submit(dog, ann!.id, '2026-02-02T10:00:00Z', 24)
await submit(dog, ben!.id, '2026-02-05T10:00:00Z', 60)
await submit(dog, null, '2026-02-27T10:00:00Z', 36)
await submit(waste, cyril!.id, '2026-03-02T10:00:00Z', 48)
await submit(dog, null, '2026-01-20T10:00:00Z', 12)

// Claims and payments (haléře). Waste and dog fee types come from the rulebook.
await db.feeRuleVersion.create({
	data: {
		version: 900,
		rules: {
			feeTypes: [
				{ code: 'waste', kind: 'waste' },
				{ code: 'dog', kind: 'dog' },
			],
		},
		rulesHash: 'stats',
	},
})
const resident = await db.resident.create({ data: { givenName: 'Anna', familyName: 'Statistická', dateOfBirth: at('1980-01-01'), personId: ann!.id } })
let vs = 0
const claim = (feeType: string, due: string, status: 'open' | 'partly_paid' | 'paid' | 'cancelled', amount = 50000) =>
	db.claim.create({
		data: {
			residentId: resident.id,
			feeType,
			year: 2026,
			label: { cs: feeType },
			baseAmount: amount,
			amount,
			dueDate: at(due),
			status,
			variableSymbol: `26${String(++vs).padStart(8, '0')}`,
			generationKey: `stats:${vs}`,
		},
	})
const c1 = await claim('waste', '2026-02-15', 'paid')
const c2 = await claim('waste', '2026-02-28', 'paid', 40000)
const c3 = await claim('waste', '2026-03-10', 'paid', 60000)
const c4 = await claim('dog', '2026-03-31', 'paid', 10000) // not due yet on 20 March
const c5 = await claim('waste', '2026-01-31', 'paid', 30000)
await claim('waste', '2026-02-15', 'open') // overdue
await claim('waste', '2026-02-15', 'partly_paid') // overdue
await claim('waste', '2026-02-15', 'cancelled') // left out
await claim('dog', '2026-01-31', 'open') // overdue, previous period
const pay = (
	method: 'gopay' | 'stripe' | 'bank_transfer' | 'manual',
	paid: number,
	paidAt: string | null,
	items: { claimId: string; amount: number; discount: number }[],
	variableSymbol: string | null = null,
) =>
	db.payment.create({
		data: {
			method,
			state: paidAt ? 'paid' : 'pending',
			amount: paid,
			paidAmount: paidAt ? paid : 0,
			paidAt: paidAt ? at(paidAt) : null,
			variableSymbol,
			personId: ann!.id,
			items: { create: items },
		},
	})
await pay('gopay', 40000, '2026-02-10T10:00:00Z', [{ claimId: c1.id, amount: 40000, discount: 10000 }]) // card, 20 % discount
await pay('bank_transfer', 40000, '2026-02-20T10:00:00Z', [{ claimId: c2.id, amount: 40000, discount: 0 }], '2699999991') // portal QR
await pay('bank_transfer', 60000, '2026-03-05T10:00:00Z', [{ claimId: c3.id, amount: 60000, discount: 0 }]) // claim's own VS
await pay('manual', 10000, '2026-03-06T10:00:00Z', [{ claimId: c4.id, amount: 10000, discount: 0 }]) // cash at the office
await pay('stripe', 24000, '2026-01-10T10:00:00Z', [{ claimId: c5.id, amount: 24000, discount: 6000 }]) // previous period
await pay('gopay', 50000, null, [{ claimId: c1.id, amount: 0, discount: 0 }]) // never paid: not counted

// Grant applications (by month of filing): sport Feb 100,000 + 50,000, culture Mar 20,000, sport Jan 30,000
// (previous period); a draft never filed is not counted.
const programme = async (code: string, name: string) =>
	(
		await db.grantProgramme.create({
			data: {
				code,
				versions: {
					create: {
						version: 1,
						state: 'published',
						publishedAt: at('2025-12-01T10:00:00Z'),
						name,
						purpose: name,
						totalBudget: 10_000_000,
						maxGrant: 1_000_000,
						calls: { create: { name: `${name} 2026`, opensOn: at('2025-12-01'), closesOn: at('2026-12-31') } },
					},
				},
			},
			select: { versions: { select: { calls: { select: { id: true } } } } },
		})
	).versions[0]!.calls[0]!.id
const sport = await programme('sport', 'Sport a mládež')
const culture = await programme('culture', 'Kultura')
let grantNumber = 0
const apply = (callId: string, requestedAmount: number, submitted: string | null) =>
	db.grantApplication.create({
		data: {
			number: `DOT-${++grantNumber}`,
			callId,
			personId: ann!.id,
			state: submitted ? 'submitted' : 'draft',
			applicantKind: 'natural',
			applicantName: 'Anna Statistická',
			requestedAmount,
			submittedAt: submitted ? at(submitted) : null,
		},
	})
await apply(sport, 100000, '2026-02-03T10:00:00Z')
await apply(sport, 50000, '2026-02-25T10:00:00Z')
await apply(culture, 20000, '2026-03-01T10:00:00Z')
await apply(sport, 30000, '2026-01-12T10:00:00Z')
await apply(culture, 99999, null)

// Conversations (by month begun) and the first reply after the citizen's first message (by month of the reply):
// general Feb: 6 h (an internal note before the reply does not count), 24 h, and a thread the office began
// with a question: its first reply came 3 h after the citizen's answer; waste Mar: 48 h, and one unanswered.
// Medians in the period: general 6 h = 0.25 d -> 0.3, waste 48 h = 2.0 d, all (3, 6, 24, 48) 15 h -> 0.6.
// Previous period: general 12 h = 0.5 d.
const thread = (topic: string, messages: [author: 'citizen' | 'staff', when: string, isInternal?: boolean][]) =>
	db.messageThread.create({
		data: {
			personId: ann!.id,
			topic,
			subject: `Dotaz ${topic}`,
			createdAt: at(messages[0]![1]),
			lastMessageAt: at(messages.at(-1)![1]),
			messages: { create: messages.map(([author, when, isInternal]) => ({ author, body: 'Text', isInternal: isInternal ?? false, createdAt: at(when) })) },
		},
	})
await thread('general', [
	['citizen', '2026-02-03T10:00:00Z'],
	['staff', '2026-02-03T11:00:00Z', true],
	['staff', '2026-02-03T16:00:00Z'],
])
await thread('general', [
	['citizen', '2026-02-10T08:00:00Z'],
	['staff', '2026-02-11T08:00:00Z'],
])
await thread('general', [
	['staff', '2026-02-20T10:00:00Z'],
	['citizen', '2026-02-21T10:00:00Z'],
	['staff', '2026-02-21T13:00:00Z'],
])
await thread('waste', [
	['citizen', '2026-03-01T10:00:00Z'],
	['staff', '2026-03-03T10:00:00Z'],
])
await thread('waste', [['citizen', '2026-03-05T10:00:00Z']])
await thread('general', [
	['citizen', '2026-01-05T10:00:00Z'],
	['staff', '2026-01-05T22:00:00Z'],
])

const period = { from: '2026-02', to: '2026-03', compare: true }
const steps: number[] = []
await refreshStatistics({ pool: getPool(), slug: 'stats-town', now: NOW, onStep: (step) => void steps.push(step) })
const stats = await getTownStatistics({ db, slug: 'stats-town', period, locale: 'cs' })
const chart = (key: string) => stats.charts.find((c) => c.key === key)!
const series = (key: string) => chart(key).points.map((p) => [p.key, p.value, p.previousKey, p.previous])

describe('town statistics against a hand-computed data set', () => {
	test('registered citizens at the end of each month (Prague month boundaries) and active users per month', () => {
		expect(series('users')).toEqual([
			['2026-02', 3, '2025-12', 1],
			['2026-03', 4, '2026-01', 2],
		])
		expect([chart('users').total, chart('users').previousTotal]).toEqual([4, 2])
		expect(series('active_users')).toEqual([
			['2026-02', 2, '2025-12', 0],
			['2026-03', 1, '2026-01', 0],
		])
		expect([chart('active_users').total, chart('active_users').previousTotal]).toEqual([1.5, 0])
	})

	test('submissions per month, by form and channel, and the median time to resolution per form', () => {
		expect(series('submissions')).toEqual([
			['2026-02', 3, '2025-12', 0],
			['2026-03', 1, '2026-01', 1],
		])
		expect([chart('submissions').total, chart('submissions').previousTotal]).toEqual([4, 1])
		expect(stats.tables.find((t) => t.key === 'submissions_by_form')!.rows).toEqual([
			{ key: 'dog', cells: [2, 1, 3, 1] },
			{ key: 'waste-change', cells: [1, 0, 1, 0] },
		])
		expect(series('resolution')).toEqual([
			['dog', 1.5, null, 0.5],
			['waste-change', 2, null, null],
		])
		expect([chart('resolution').total, chart('resolution').previousTotal]).toEqual([1.8, 0.5])
		expect(stats.formNames).toMatchObject({ dog: 'Přihlášení psa', 'waste-change': 'Změna u odpadu' })
	})

	test('payments per month by method and amount, the share through the portal, the waste fee share and the discount', () => {
		expect(series('payments')).toEqual([
			['2026-02', 2, '2025-12', 0],
			['2026-03', 2, '2026-01', 1],
		])
		expect(series('payments_amount')).toEqual([
			['2026-02', 80000, '2025-12', 0],
			['2026-03', 70000, '2026-01', 24000],
		])
		expect(stats.tables.find((t) => t.key === 'payments_by_method')!.rows).toEqual([
			{ key: 'qr', cells: [1, 40000, 0, 0] },
			{ key: 'card', cells: [1, 40000, 1, 24000] },
			{ key: 'bank_transfer', cells: [1, 60000, 0, 0] },
			{ key: 'cash', cells: [1, 10000, 0, 0] },
		])
		// 80,000 of 150,000 through the portal.
		expect(series('payments_share')).toEqual([
			['2026-02', 100, '2025-12', null],
			['2026-03', 0, '2026-01', 100],
		])
		expect([chart('payments_share').total, chart('payments_share').previousTotal]).toEqual([53.3, 100])
		// Waste fee settled: Feb 50,000 (card incl. discount) + 40,000 (QR), Mar 60,000 by transfer: 90,000 of 150,000.
		expect(series('waste_share')).toEqual([
			['2026-02', 100, '2025-12', null],
			['2026-03', 0, '2026-01', 100],
		])
		expect([chart('waste_share').total, chart('waste_share').previousTotal]).toEqual([60, 100])
		expect(series('discount')).toEqual([
			['2026-02', 10000, '2025-12', 0],
			['2026-03', 0, '2026-01', 6000],
		])
		expect([chart('discount').total, chart('discount').previousTotal]).toEqual([10000, 6000])
	})

	test('grant applications per month and per programme (count, amount requested, previous count)', () => {
		expect(series('grant_applications')).toEqual([
			['2026-02', 2, '2025-12', 0],
			['2026-03', 1, '2026-01', 1],
		])
		expect([chart('grant_applications').total, chart('grant_applications').previousTotal]).toEqual([3, 1])
		expect(stats.tables.find((t) => t.key === 'grants_by_programme')!.rows).toEqual([
			{ key: 'culture', cells: [1, 20000, 0] },
			{ key: 'sport', cells: [2, 150000, 1] },
		])
		expect(stats.programmeNames).toEqual({ culture: 'Kultura', sport: 'Sport a mládež' })
	})

	test('conversations per month and agenda, and the median first reply per agenda', () => {
		expect(series('messages')).toEqual([
			['2026-02', 3, '2025-12', 0],
			['2026-03', 2, '2026-01', 1],
		])
		expect([chart('messages').total, chart('messages').previousTotal]).toEqual([5, 1])
		expect(chart('first_response').categories).toBe('agenda')
		expect(series('first_response').sort()).toEqual([
			['general', 0.3, null, 0.5],
			['waste', 2, null, null],
		])
		expect([chart('first_response').total, chart('first_response').previousTotal]).toEqual([0.6, 0.5])
		const rows = stats.tables.find((t) => t.key === 'messages_by_agenda')!.rows
		expect([...rows].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
			{ key: 'general', cells: [3, 0.3, 1, 0.5] },
			{ key: 'waste', cells: [2, 2, 0, null] },
		])
		expect(chartCsv(chart('first_response'), stats.formNames, stats.agendaNames).split('\r\n')[0]).toBe(
			'agenda,agenda_name,unit,value,previous_month,previous_value',
		)
	})

	test('share of overdue claims by the month they fell due (cancelled and not yet due left out)', () => {
		expect(series('overdue_share')).toEqual([
			['2026-02', 50, '2025-12', null],
			['2026-03', 0, '2026-01', 50],
		])
		expect([chart('overdue_share').total, chart('overdue_share').previousTotal]).toEqual([40, 50])
	})

	test('the refresh reports its steps and is idempotent; without comparison no previous figures are given', async () => {
		expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
		const before = await sql(`SELECT figure, month, dimension, detail, count, amount FROM tenant_stats_town.statistic_month ORDER BY 1, 2, 3, 4`)
		await refreshStatistics({ pool: getPool(), slug: 'stats-town', now: NOW })
		expect(await sql(`SELECT figure, month, dimension, detail, count, amount FROM tenant_stats_town.statistic_month ORDER BY 1, 2, 3, 4`)).toEqual(before)
		expect((await db.statisticRefresh.findUnique({ where: { id: 1 } }))?.status).toBe('done')
		const plain = await getTownStatistics({ db, slug: 'stats-town', period: { ...period, compare: false }, locale: 'cs' })
		expect(plain.charts.find((c) => c.key === 'submissions')!.points.map((p) => p.previous)).toEqual([null, null])
		expect(plain.charts.find((c) => c.key === 'submissions')!.previousTotal).toBeNull()
	})

	test('a chart CSV gives the months, Kč with two decimals and the previous period', () => {
		expect(chartCsv(chart('payments_amount'), stats.formNames)).toBe(
			'month,unit,value,previous_month,previous_value\r\n2026-02,czk,800.00,2025-12,0.00\r\n2026-03,czk,700.00,2026-01,240.00\r\n',
		)
	})
})

describe('public statistics', () => {
	test('by default users, submissions and payments share; no personal data in the page data or the CSV', async () => {
		const published = await getPublicStatistics({ db, slug: 'stats-town', locale: 'cs', now: NOW })
		expect(published.charts.map((c) => c.key)).toEqual(['users', 'submissions', 'payments_share'])
		const rows = await listPublicStatisticsRows({ db, slug: 'stats-town', locale: 'cs', now: NOW })
		expect(rows.filter((r) => r.figure === 'submissions' && r.category === '2026-02')).toEqual([
			{ figure: 'submissions', unit: 'count', category: '2026-02', label: '2026-02', value: 3 },
		])
		const output = JSON.stringify(published) + publicStatisticsCsv(rows)
		const people = [ann, ben, cyril, dana].flatMap((p) => [p!.id, p!.givenName, p!.familyName, p!.email!, p!.personIdentifier!])
		for (const secret of [...people, '2699999991', c1.variableSymbol, resident.id]) expect(output).not.toContain(secret)
	})

	test('the admin changes what is published (audited); an unpublished figure is gone from the public output', async () => {
		const staffId = '00000000-0000-4000-8000-00000000a001'
		await updatePublishedStatistics({ db, published: ['discount', 'users'], by: staffId })
		const published = await getPublicStatistics({ db, slug: 'stats-town', locale: 'cs', now: NOW })
		expect(published.charts.map((c) => c.key)).toEqual(['users', 'discount'])
		const entry = await db.auditLog.findFirst({ where: { action: 'statistics.published_changed' }, orderBy: { id: 'desc' } })
		expect(entry).toMatchObject({ staffId, details: { before: ['users', 'submissions', 'payments_share'], after: ['users', 'discount'] } })
	})
})

describe('vendor console', () => {
	test('sums counts across towns, month by month', async () => {
		const other = await createTown('stats-other')
		const otherDb = getTenantDb(other.tenant)
		await otherDb.person.create({ data: { givenName: 'Ema', familyName: 'Jiná', createdAt: at('2026-02-14T10:00:00Z') } })
		await refreshStatistics({ pool: getPool(), slug: 'stats-other', now: NOW })
		const sums = await sumPlatformStatistics({ from: '2026-02', to: '2026-03' })
		// Every other town in this worker's database has no figures for 2026, so the sums are ours.
		expect(sums.months).toEqual([
			{ month: '2026-02', registrations: 2, active_users: 2, submissions: 3, payments: 2, grant_applications: 2, messages: 3 },
			{ month: '2026-03', registrations: 1, active_users: 1, submissions: 1, payments: 2, grant_applications: 1, messages: 2 },
		])
		expect(Object.keys(sums.months[0]!).sort()).toEqual(['active_users', 'grant_applications', 'messages', 'month', 'payments', 'registrations', 'submissions'])
	})
})
