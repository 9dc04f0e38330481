// Czech public holidays (zákon č. 245/2000 Sb., o státních svátcích, o ostatních svátcích, o významných
// dnech a o dnech pracovního klidu, §1 and §2): the fixed-date ones plus Good Friday and Easter Monday,
// which move with Easter. Every day here is a day off work ("den pracovního klidu").

const FIXED = ['01-01', '05-01', '05-08', '07-05', '07-06', '09-28', '10-28', '11-17', '12-24', '12-25', '12-26']

/** Easter Sunday (Gregorian), by the anonymous (Meeus/Jones/Butcher) algorithm; as YYYY-MM-DD. */
export function easterSunday(year: number): string {
	const a = year % 19
	const b = Math.floor(year / 100)
	const c = year % 100
	const d = Math.floor(b / 4)
	const e = b % 4
	const f = Math.floor((b + 8) / 25)
	const g = Math.floor((b - f + 1) / 3)
	const h = (19 * a + b - d - g + 15) % 30
	const i = Math.floor(c / 4)
	const k = c % 4
	const l = (32 + 2 * e + 2 * i - h - k) % 7
	const m = Math.floor((a + 11 * h + 22 * l) / 451)
	const month = Math.floor((h + l - 7 * m + 114) / 31)
	const day = ((h + l - 7 * m + 114) % 31) + 1
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const cache = new Map<number, Set<string>>()

/** The public holidays of a year, as YYYY-MM-DD. Good Friday counts from 2016 (zákon č. 359/2015 Sb.). */
export function czechPublicHolidays(year: number): Set<string> {
	let holidays = cache.get(year)
	if (!holidays) {
		const easter = parseCalendarDate(easterSunday(year))
		holidays = new Set(FIXED.map((day) => `${year}-${day}`))
		holidays.add(formatCalendarDate(shiftDays(easter, 1)))
		if (year >= 2016) holidays.add(formatCalendarDate(shiftDays(easter, -2)))
		cache.set(year, holidays)
	}
	return holidays
}

/** Whether the day is a working day: not a Saturday, Sunday or public holiday. */
export function isCzechWorkingDay(date: string): boolean {
	const day = parseCalendarDate(date)
	const weekday = day.getUTCDay()
	return weekday !== 0 && weekday !== 6 && !czechPublicHolidays(day.getUTCFullYear()).has(date)
}

/** Parses YYYY-MM-DD (a real calendar day) as midnight UTC; throws on anything else. */
export function parseCalendarDate(date: string): Date {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
	const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
	if (!parsed || formatCalendarDate(parsed) !== date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
	return parsed
}

export function formatCalendarDate(date: Date): string {
	return date.toISOString().slice(0, 10)
}

export function shiftDays(date: Date, days: number): Date {
	return new Date(date.getTime() + days * 86_400_000)
}
