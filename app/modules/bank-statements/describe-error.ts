import type { StatementError, StatementErrorCode } from './types'

/** A parser error as a sentence from a `bank` namespace's `errors` table ({{line}} and params filled in). */
export function describeStatementError(error: StatementError, messages: Record<StatementErrorCode, string>): string {
	const values: Record<string, string | number> = { ...(error.line !== undefined ? { line: error.line } : {}), ...error.params }
	const template = messages[error.code] ?? error.code
	return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''))
}
