import { describe, expect, test } from 'vitest'
import { evaluateTown, staleness, summarise, type TownFigures } from './health-rules'

const NOW = new Date('2026-12-05T10:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString()
const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString()
const MIN = 60_000
const DAY = 24 * 60 * MIN

function healthy(): TownFigures {
	return {
		schema: { applied: 40, expected: 40, last: '20261205000000_x' },
		lastCitizenLoginAt: ago(2 * 60 * MIN),
		nia: { configured: true, metadataFetchedAt: ago(3 * 60 * MIN), certExpiresAt: ahead(200 * DAY), certOf: 'sp' },
		records: { configured: true, backlog: 1, oldestPendingAt: ago(MIN), failures24h: 0 },
		gateway: { configured: true, lastPaidAt: ago(DAY), failedNotifications24h: 0 },
		bank: { account: true, lastImportAt: ago(2 * DAY) },
		jobs: { waiting: 2, oldestWaitingAt: ago(10_000) },
		email: { failures24h: 0 },
		security: { failedLogins24h: 3, denied24h: 1, lockedAccounts: 0 },
	}
}
const judge = (figures: TownFigures, status: 'active' | 'suspended' = 'active') => evaluateTown({ status, figures, now: NOW })

describe('town health verdicts', () => {
	test('a healthy town is green in every column, each with its reason', () => {
		const verdicts = judge(healthy())
		expect(summarise(verdicts)).toEqual({ level: 'green', problems: 0 })
		expect(verdicts.records).toEqual({ level: 'green', reason: 'recordsOk', values: { count: 1 } })
		expect(verdicts.security).toMatchObject({ level: 'green', reason: 'securityQuiet', values: { failed: 3, denied: 1, locked: 0 } })
	})

	test('certificates: amber 30 days ahead of expiry, red within a week and once expired, naming which one', () => {
		const at = (days: number, certOf: 'sp' | 'idp') => judge({ ...healthy(), nia: { ...healthy().nia, certExpiresAt: ahead(days * DAY), certOf } }).nia
		expect(at(31, 'sp')).toMatchObject({ level: 'green', reason: 'niaOk' })
		expect(at(29.5, 'sp')).toMatchObject({ level: 'amber', reason: 'spCertificateExpiring', values: { days: 29 } })
		expect(at(6, 'idp')).toMatchObject({ level: 'red', reason: 'idpCertificateExpiring', values: { days: 6 } })
		expect(at(-1, 'idp')).toMatchObject({ level: 'red', reason: 'idpCertificateExpired' })
	})

	test('NIA metadata: amber after two days, red after two weeks or when never fetched; no NIA at all is red', () => {
		const fetched = (at: string | null) => judge({ ...healthy(), nia: { ...healthy().nia, metadataFetchedAt: at } }).nia
		expect(fetched(ago(3 * DAY))).toMatchObject({ level: 'amber', reason: 'niaMetadataOld', values: { days: 3 } })
		expect(fetched(ago(15 * DAY))).toMatchObject({ level: 'red', reason: 'niaMetadataOld', values: { days: 15 } })
		expect(fetched(null)).toMatchObject({ level: 'red', reason: 'niaMetadataNever' })
		expect(judge({ ...healthy(), nia: { configured: false, metadataFetchedAt: null, certExpiresAt: null, certOf: null } }).nia.reason).toBe('niaMissing')
	})

	test('records delivery: a stuck backlog turns amber after 15 minutes and red after 2 hours, with the count and age', () => {
		const waiting = (minutes: number, failures = 0) =>
			judge({ ...healthy(), records: { configured: true, backlog: 4, oldestPendingAt: ago(minutes * MIN), failures24h: failures } }).records
		expect(waiting(5)).toMatchObject({ level: 'green' })
		expect(waiting(5, 2)).toMatchObject({ level: 'amber', reason: 'recordsFailures', values: { failures: 2, count: 4 } })
		expect(waiting(20, 3)).toMatchObject({ level: 'amber', reason: 'recordsSlow', values: { count: 4, minutes: 20, failures: 3 } })
		expect(waiting(150, 9)).toMatchObject({ level: 'red', reason: 'recordsStuck', values: { count: 4, minutes: 150, failures: 9 } })
		expect(judge({ ...healthy(), records: { configured: false, backlog: 0, oldestPendingAt: null, failures24h: 0 } }).records.reason).toBe('recordsNone')
	})

	test('gateway, bank, queue, e-mail, security and schema thresholds', () => {
		const base = healthy()
		expect(judge({ ...base, gateway: { ...base.gateway, failedNotifications24h: 1 } }).gateway).toMatchObject({
			level: 'amber',
			reason: 'gatewayNotificationsFailing',
		})
		expect(judge({ ...base, gateway: { ...base.gateway, failedNotifications24h: 5 } }).gateway.level).toBe('red')
		expect(judge({ ...base, bank: { account: true, lastImportAt: ago(9 * DAY) } }).bank).toMatchObject({ level: 'amber', values: { days: 9 } })
		expect(judge({ ...base, bank: { account: true, lastImportAt: ago(40 * DAY) } }).bank.level).toBe('red')
		expect(judge({ ...base, bank: { account: true, lastImportAt: null } }).bank.reason).toBe('bankNever')
		expect(judge({ ...base, bank: { account: false, lastImportAt: null } }).bank).toMatchObject({ level: 'green', reason: 'bankNone' })
		expect(judge({ ...base, jobs: { waiting: 7, oldestWaitingAt: ago(6 * MIN) } }).jobs).toMatchObject({ level: 'amber', values: { count: 7, minutes: 6 } })
		expect(judge({ ...base, jobs: { waiting: 7, oldestWaitingAt: ago(31 * MIN) } }).jobs.level).toBe('red')
		expect(judge({ ...base, email: { failures24h: 2 } }).email).toMatchObject({ level: 'amber', values: { count: 2 } })
		expect(judge({ ...base, email: { failures24h: 10 } }).email.level).toBe('red')
		expect(judge({ ...base, security: { failedLogins24h: 0, denied24h: 0, lockedAccounts: 1 } }).security.level).toBe('amber')
		expect(judge({ ...base, security: { failedLogins24h: 150, denied24h: 60, lockedAccounts: 0 } }).security.level).toBe('red')
		expect(judge({ ...base, schema: { applied: 38, expected: 40, last: null } }).schema).toMatchObject({
			level: 'red',
			reason: 'schemaBehind',
			values: { behind: 2 },
		})
	})

	test('a suspended town is amber in its status column; the row summary counts the columns that are not green', () => {
		const verdicts = judge({ ...healthy(), email: { failures24h: 12 } }, 'suspended')
		expect(verdicts.status).toEqual({ level: 'amber', reason: 'suspended', values: undefined })
		expect(summarise(verdicts)).toEqual({ level: 'red', problems: 2 })
	})

	test('figures older than 20 minutes are flagged as stale; none at all is red', () => {
		expect(staleness(ago(5 * MIN), NOW)).toBeNull()
		expect(staleness(ago(25 * MIN), NOW)).toEqual({ level: 'amber', reason: 'stale', values: { minutes: 25 } })
		expect(staleness(null, NOW)).toMatchObject({ level: 'red', reason: 'neverRefreshed' })
	})
})
