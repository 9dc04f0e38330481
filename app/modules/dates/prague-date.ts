// The money side counts in Czech calendar days (decision 012): a due date or a discount deadline is a
// day in Prague, and "today" is the day it is in Prague, not in UTC (which is one or two hours behind).

/** A calendar day as YYYY-MM-DD. */
export type CalendarDate = string

const pragueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The day it is in Prague at this instant (2026-12-31T23:30:00Z is 2027-01-01 in Prague). */
export function pragueDate(instant: Date): CalendarDate {
	return pragueDay.format(instant)
}

/** Today in Prague. */
export function pragueToday(now: Date = new Date()): CalendarDate {
	return pragueDate(now)
}

/**
 * The day a Postgres `date` column holds. Prisma reads such a column as midnight UTC of that day, so
 * the day is the UTC date; converting it to Prague would give the same day, but reading it this way
 * never depends on the time zone.
 */
export function storedDate(date: Date): CalendarDate {
	return date.toISOString().slice(0, 10)
}
