import { describe, expect, test } from 'vitest'
import { ANNOUNCEMENT_STATES, ANNOUNCEMENT_TRANSITIONS, canTransitionAnnouncement } from './announcement-states'

describe('announcement states', () => {
	test('sent is final; failed only resumes; nothing goes back to queued', () => {
		expect(ANNOUNCEMENT_TRANSITIONS.sent).toEqual([])
		expect(ANNOUNCEMENT_TRANSITIONS.failed).toEqual(['sending'])
		for (const from of ANNOUNCEMENT_STATES) expect(canTransitionAnnouncement(from, 'queued')).toBe(false)
		expect(canTransitionAnnouncement('queued', 'sending')).toBe(true)
		expect(canTransitionAnnouncement('sending', 'sent')).toBe(true)
		expect(canTransitionAnnouncement('sending', 'failed')).toBe(true)
		expect(canTransitionAnnouncement('sent', 'failed')).toBe(false)
	})
})
