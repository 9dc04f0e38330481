// Red/amber/green for each column of the vendor console's town health (decision 024). Pure: the
// figures come from the town_health summary row, the thresholds live here and nowhere else, and
// every verdict carries its reason (a text key and its values) so that no column speaks in colour alone.

export type HealthLevel = 'green' | 'amber' | 'red'

/** What the refresh job gathers for one town: counts, times and states only (no citizen's data). */
export type TownFigures = {
	schema: { applied: number; expected: number; last: string | null }
	lastCitizenLoginAt: string | null
	nia: { configured: boolean; metadataFetchedAt: string | null; certExpiresAt: string | null; certOf: 'sp' | 'idp' | null }
	records: { configured: boolean; backlog: number; oldestPendingAt: string | null; failures24h: number }
	gateway: { configured: boolean; lastPaidAt: string | null; failedNotifications24h: number }
	bank: { account: boolean; lastImportAt: string | null }
	jobs: { waiting: number; oldestWaitingAt: string | null }
	email: { failures24h: number }
	security: { failedLogins24h: number; denied24h: number; lockedAccounts: number }
}

export const HEALTH_COLUMNS = ['status', 'schema', 'citizenLogin', 'nia', 'records', 'gateway', 'bank', 'jobs', 'email', 'security'] as const
export type HealthColumn = (typeof HEALTH_COLUMNS)[number]

export type Verdict = { level: HealthLevel; reason: string; values?: Record<string, string | number> }
export type TownVerdicts = Record<HealthColumn, Verdict>

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const THRESHOLDS = {
	/** NIA's metadata is fetched daily; two days without means the refresh is failing. */
	niaMetadataAmberMs: 2 * DAY,
	niaMetadataRedMs: 14 * DAY,
	/** "Warn 30 days ahead" of a certificate's expiry; red a week before. */
	certificateAmberMs: 30 * DAY,
	certificateRedMs: 7 * DAY,
	recordsAmberMs: 15 * MINUTE,
	recordsRedMs: 2 * HOUR,
	bankAmberMs: 8 * DAY,
	bankRedMs: 32 * DAY,
	jobsAmberMs: 5 * MINUTE,
	jobsRedMs: 30 * MINUTE,
	emailRed: 10,
	notificationsRed: 5,
	securityAmber: 50,
	securityRed: 200,
	citizenLoginAmberMs: 30 * DAY,
	/** The summary is refreshed every 5 minutes; older than this, the row is not to be trusted. */
	staleMs: 20 * MINUTE,
} as const

const ageOf = (at: string | null, now: Date) => (at ? now.getTime() - new Date(at).getTime() : null)
const minutes = (ms: number) => Math.max(0, Math.round(ms / MINUTE))
const days = (ms: number) => Math.floor(ms / DAY)
const green = (reason: string, values?: Verdict['values']): Verdict => ({ level: 'green', reason, values })
const amber = (reason: string, values?: Verdict['values']): Verdict => ({ level: 'amber', reason, values })
const red = (reason: string, values?: Verdict['values']): Verdict => ({ level: 'red', reason, values })

export function evaluateTown({ status, figures, now = new Date() }: { status: 'active' | 'suspended'; figures: TownFigures; now?: Date }): TownVerdicts {
	return {
		status: status === 'active' ? green('active') : amber('suspended'),
		schema: schemaVerdict(figures.schema),
		citizenLogin: citizenLoginVerdict(figures.lastCitizenLoginAt, now),
		nia: niaVerdict(figures.nia, now),
		records: recordsVerdict(figures.records, now),
		gateway: gatewayVerdict(figures.gateway),
		bank: bankVerdict(figures.bank, now),
		jobs: jobsVerdict(figures.jobs, now),
		email:
			figures.email.failures24h === 0
				? green('emailOk')
				: (figures.email.failures24h >= THRESHOLDS.emailRed ? red : amber)('emailFailures', { count: figures.email.failures24h }),
		security: securityVerdict(figures.security),
	}
}

function schemaVerdict({ applied, expected }: TownFigures['schema']): Verdict {
	if (applied >= expected) return green('schemaCurrent', { applied })
	return red('schemaBehind', { behind: expected - applied, applied, expected })
}

function citizenLoginVerdict(at: string | null, now: Date): Verdict {
	const age = ageOf(at, now)
	if (age === null) return green('noCitizenLoginYet')
	if (age >= THRESHOLDS.citizenLoginAmberMs) return amber('citizenLoginOld', { days: days(age) })
	return green('citizenLoginRecent', { at: at! })
}

function niaVerdict(nia: TownFigures['nia'], now: Date): Verdict {
	if (!nia.configured) return red('niaMissing')
	const expiresIn = nia.certExpiresAt ? new Date(nia.certExpiresAt).getTime() - now.getTime() : null
	const certificate = nia.certOf === 'idp' ? 'idp' : 'sp'
	if (expiresIn !== null && expiresIn <= 0) return red(`${certificate}CertificateExpired`, { at: nia.certExpiresAt! })
	if (expiresIn !== null && expiresIn <= THRESHOLDS.certificateRedMs)
		return red(`${certificate}CertificateExpiring`, { days: days(expiresIn), at: nia.certExpiresAt! })
	const age = ageOf(nia.metadataFetchedAt, now)
	if (age === null) return red('niaMetadataNever')
	if (age >= THRESHOLDS.niaMetadataRedMs) return red('niaMetadataOld', { days: days(age) })
	if (expiresIn !== null && expiresIn <= THRESHOLDS.certificateAmberMs)
		return amber(`${certificate}CertificateExpiring`, { days: days(expiresIn), at: nia.certExpiresAt! })
	if (age >= THRESHOLDS.niaMetadataAmberMs) return amber('niaMetadataOld', { days: days(age) })
	return green('niaOk', { hours: Math.floor(age / HOUR) })
}

function recordsVerdict(records: TownFigures['records'], now: Date): Verdict {
	if (!records.configured) return green('recordsNone')
	const age = ageOf(records.oldestPendingAt, now)
	if (age !== null && age >= THRESHOLDS.recordsRedMs)
		return red('recordsStuck', { count: records.backlog, minutes: minutes(age), failures: records.failures24h })
	if (age !== null && age >= THRESHOLDS.recordsAmberMs)
		return amber('recordsSlow', { count: records.backlog, minutes: minutes(age), failures: records.failures24h })
	if (records.failures24h > 0) return amber('recordsFailures', { failures: records.failures24h, count: records.backlog })
	return green('recordsOk', { count: records.backlog })
}

function gatewayVerdict(gateway: TownFigures['gateway']): Verdict {
	if (!gateway.configured) return green('gatewayNone')
	const values = { failed: gateway.failedNotifications24h, at: gateway.lastPaidAt ?? '' }
	if (gateway.failedNotifications24h >= THRESHOLDS.notificationsRed) return red('gatewayNotificationsFailing', values)
	if (gateway.failedNotifications24h > 0) return amber('gatewayNotificationsFailing', values)
	return gateway.lastPaidAt ? green('gatewayOk', values) : green('gatewayNoPaymentYet')
}

function bankVerdict(bank: TownFigures['bank'], now: Date): Verdict {
	if (!bank.account) return green('bankNone')
	const age = ageOf(bank.lastImportAt, now)
	if (age === null) return amber('bankNever')
	if (age >= THRESHOLDS.bankRedMs) return red('bankOld', { days: days(age) })
	if (age >= THRESHOLDS.bankAmberMs) return amber('bankOld', { days: days(age) })
	return green('bankRecent', { days: days(age) })
}

function jobsVerdict(jobs: TownFigures['jobs'], now: Date): Verdict {
	const age = ageOf(jobs.oldestWaitingAt, now)
	if (age === null || jobs.waiting === 0) return green('jobsIdle')
	if (age >= THRESHOLDS.jobsRedMs) return red('jobsLagging', { count: jobs.waiting, minutes: minutes(age) })
	if (age >= THRESHOLDS.jobsAmberMs) return amber('jobsLagging', { count: jobs.waiting, minutes: minutes(age) })
	return green('jobsFlowing', { count: jobs.waiting })
}

function securityVerdict(security: TownFigures['security']): Verdict {
	const events = security.failedLogins24h + security.denied24h
	const values = { failed: security.failedLogins24h, denied: security.denied24h, locked: security.lockedAccounts }
	if (events >= THRESHOLDS.securityRed) return red('securityMany', values)
	if (events >= THRESHOLDS.securityAmber || security.lockedAccounts > 0) return amber('securitySome', values)
	return green('securityQuiet', values)
}

const RANK: Record<HealthLevel, number> = { green: 0, amber: 1, red: 2 }

/** The row's worst level and how many columns are not green (stored for sorting "problems first"). */
export function summarise(verdicts: TownVerdicts) {
	let level: HealthLevel = 'green'
	let problems = 0
	for (const column of HEALTH_COLUMNS) {
		const verdict = verdicts[column]
		if (verdict.level !== 'green') problems++
		if (RANK[verdict.level] > RANK[level]) level = verdict.level
	}
	return { level, problems }
}

/** A summary older than THRESHOLDS.staleMs (the job stopped running) is itself a problem. */
export function staleness(refreshedAt: Date | string | null, now = new Date()): Verdict | null {
	if (!refreshedAt) return red('neverRefreshed')
	const age = now.getTime() - new Date(refreshedAt).getTime()
	return age >= THRESHOLDS.staleMs ? amber('stale', { minutes: minutes(age) }) : null
}
