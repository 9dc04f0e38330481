import { describe, expect, test } from 'vitest'
import { safeReturnTo } from './current-user.server'

describe('returnTo after login cannot leave the town', () => {
	test.each([
		['/moje-platby?rok=2026', '/moje-platby?rok=2026'],
		['/', '/'],
		['https://evil.example/', '/'],
		['//evil.example/path', '/'],
		['/\\evil.example', '/'],
		['javascript:alert(1)', '/'],
		['', '/'],
		[null, '/'],
		['/a/../b', '/b'],
	])('%s -> %s', (input, expected) => {
		expect(safeReturnTo(input)).toBe(expected)
	})
})
