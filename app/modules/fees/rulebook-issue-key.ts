// Maps a rulebook validation issue to a translated message key, so an admin reads the error in
// their own language (the schema's messages are English and shared with the blueprint checker).
import type { RulebookIssue } from './save-rule-version.server'

export function rulebookIssueKey(issue: RulebookIssue): { key: string; path: string } {
	const segments = issue.path.split('.')
	const last = segments.at(-1)
	if (issue.code === 'custom') {
		if (last === 'instalments') return { key: 'rules.errors.instalmentsSum', path: issue.path }
		if (segments.at(-2) === 'rates') return { key: 'rules.errors.overCap', path: issue.path }
		if (issue.path === 'feeTypes') return { key: 'rules.errors.duplicateCodes', path: issue.path }
		if (issue.path === 'discount.feeTypes') return { key: 'rules.errors.unknownFeeType', path: issue.path }
		if (last === 'kind') return { key: 'rules.errors.dogRatesOnly', path: issue.path }
	}
	const known = ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'invalid_union', 'unrecognized_keys', 'invalid_key']
	return { key: `rules.errors.${known.includes(issue.code) ? issue.code : 'other'}`, path: issue.path }
}
