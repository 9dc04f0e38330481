export const PLATFORM_SCHEMA = 'platform'

/** tenant_<slug>, with the slug's hyphens as underscores so the name needs no quoting by humans. */
export function tenantSchemaName(slug: string) {
	if (!/^[a-z][a-z0-9-]{1,40}$/.test(slug)) throw new Error(`Invalid town slug: ${slug}`)
	return `tenant_${slug.replaceAll('-', '_')}`
}

export function quoteIdent(name: string) {
	return `"${name.replaceAll('"', '""')}"`
}
