import { describe, expect, test } from 'vitest'
import { enforcesProductionRules, isDemoProcess } from './demo-mode'

describe('11.11 the demo in production mode', () => {
	test('11.11 only a process started with --demo is excused from production rules; every other production process keeps them', () => {
		expect(isDemoProcess(['node', 'build/server/index.js', '--demo'])).toBe(true)
		expect(enforcesProductionRules('production', ['node', 'build/server/index.js', '--demo'])).toBe(false)
		expect(enforcesProductionRules('production', ['node', 'build/server/index.js'])).toBe(true)
		expect(enforcesProductionRules('production', ['node', 'build/server/worker.js'])).toBe(true)
		expect(enforcesProductionRules('development', ['node', 'build/server/index.js'])).toBe(false)
	})
})
