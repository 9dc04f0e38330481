// What an edit changed, setting by setting, with the old and the new value as text: the audit's
// record and the page's confirmation. Lists of objects are keyed by their code (an agenda removed in
// the middle is one change, not a shift of every index after it); lists of words are one value.

export type SettingChange = { setting: string; old: string | null; new: string | null }

function flatten(value: unknown, prefix: string, into: Map<string, string>) {
	if (value === undefined || value === null || value === '') return
	if (Array.isArray(value)) {
		if (value.every((item) => typeof item !== 'object' || item === null)) {
			if (value.length) into.set(prefix, value.join(', '))
			return
		}
		value.forEach((item, index) => {
			const code = (item as { code?: unknown }).code
			flatten(item, `${prefix}[${typeof code === 'string' ? code : index}]`, into)
		})
		return
	}
	if (typeof value === 'object') {
		for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, prefix ? `${prefix}.${key}` : key, into)
		return
	}
	into.set(prefix, String(value))
}

/** Every leaf that differs between two states of the same settings, in a stable order. */
export function changedSettings(before: Record<string, unknown>, after: Record<string, unknown>): SettingChange[] {
	const old = new Map<string, string>()
	const next = new Map<string, string>()
	flatten(before, '', old)
	flatten(after, '', next)
	const names = [...new Set([...old.keys(), ...next.keys()])].sort()
	return names.filter((name) => old.get(name) !== next.get(name)).map((name) => ({ setting: name, old: old.get(name) ?? null, new: next.get(name) ?? null }))
}
