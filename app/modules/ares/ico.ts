// STUB (grants branch): the `ares` branch owns and replaces this file.
/** IČO: 8 digits, the last a mod-11 check digit over the first seven (weights 8..2). */
export function isValidIco(ico: string): boolean {
	if (!/^[0-9]{8}$/.test(ico)) return false
	let sum = 0
	for (let i = 0; i < 7; i++) sum += Number(ico[i]) * (8 - i)
	const check = (11 - (sum % 11)) % 10
	return check === Number(ico[7])
}
