// A call accepts applications from the start of opens_on to 23:59:59.999 of closes_on, both days in
// Prague (decision 022). The server decides by its own clock, never the browser's.
import { pragueDate, storedDate } from '../dates/prague-date'

export type CallDays = { opensOn: Date; closesOn: Date }
export type CallPhase = 'upcoming' | 'open' | 'closed'

export function callPhase(call: CallDays, now: Date): CallPhase {
	const today = pragueDate(now)
	if (today < storedDate(call.opensOn)) return 'upcoming'
	if (today > storedDate(call.closesOn)) return 'closed'
	return 'open'
}
