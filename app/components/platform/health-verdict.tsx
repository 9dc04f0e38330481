import { useTranslation } from 'react-i18next'
import type { HealthLevel, Verdict } from '~/modules/platform-health/health-rules'

const STYLE: Record<HealthLevel, string> = {
	green: 'border-green-800 bg-green-50 text-green-900',
	amber: 'border-amber-700 bg-amber-50 text-amber-900',
	red: 'border-red-800 bg-red-50 text-red-900',
}
const MARK: Record<HealthLevel, string> = { green: '✓', amber: '!', red: '✗' }

/** Dates among a reason's values are shown in Prague time, the same on the server and in the browser. */
// Building an Intl.DateTimeFormat is costly, and a health page has hundreds of cells: one per language.
const formats = new Map<string, Intl.DateTimeFormat>()
function formatFor(language: string) {
	let format = formats.get(language)
	if (!format) {
		format = new Intl.DateTimeFormat(language, { timeZone: 'Europe/Prague', dateStyle: 'short', timeStyle: 'short' })
		formats.set(language, format)
	}
	return format
}

export function useFormatWhen() {
	const { i18n } = useTranslation()
	const format = formatFor(i18n.language)
	return (iso: string) => (iso ? format.format(new Date(iso)) : '—')
}

/** A level in words (and a mark and a colour besides), then the reason in words. */
export function HealthLevelBadge({ level }: { level: HealthLevel }) {
	const { t } = useTranslation('platform-health')
	return (
		<span className={`inline-block whitespace-nowrap rounded border px-1 text-sm font-semibold ${STYLE[level]}`} data-level={level}>
			<span aria-hidden="true">{MARK[level]} </span>
			{t(`levels.${level}`)}
		</span>
	)
}

export function HealthVerdict({ verdict }: { verdict: Verdict }) {
	const { t } = useTranslation('platform-health')
	const when = useFormatWhen()
	const values = Object.fromEntries(Object.entries(verdict.values ?? {}).map(([key, value]) => [key, key === 'at' ? when(String(value)) : value]))
	return (
		<span className="flex flex-col items-start gap-1">
			<HealthLevelBadge level={verdict.level} />
			<span className="text-sm">{t(`reasons.${verdict.reason}`, values)}</span>
		</span>
	)
}
