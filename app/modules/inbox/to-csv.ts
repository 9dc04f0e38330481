// csv-stringify is not installed (csv-parse is); RFC 4180 quoting is a few lines. Cells starting with
// = + - @ get a leading apostrophe so a spreadsheet does not run them as formulas.
export function toCsv(rows: readonly (readonly string[])[]): string {
	const cell = (value: string) => {
		const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
		return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
	}
	return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
