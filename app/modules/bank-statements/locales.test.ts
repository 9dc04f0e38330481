import { describe, expect, it } from 'vitest'
import cs from '../../locales/cs/bank.json'
import en from '../../locales/en/bank.json'
import uk from '../../locales/uk/bank.json'
import { STATEMENT_ERROR_CODES } from './types'

// Every error code a parser can emit (the list its type is made of) has a message in each language, and no message is left over.
describe('bank namespace', () => {
	it.each([
		['cs', cs],
		['en', en],
		['uk', uk],
	])('%s has every error message', (_l, json) => {
		expect(Object.keys(json.errors).sort()).toEqual([...STATEMENT_ERROR_CODES].sort())
	})
})
