import type { AppLoadContext } from '@remix-run/node'
import { getRequestLocale } from '../i18n/locale.server'
import { resources } from '../i18n/resources.server'
import { requireTownProfile } from '../tenancy/require-town.server'

/** The request's language and the `citizen` texts in it: for page titles set in loaders, and for the PDF. */
export async function getCitizenTexts(request: Request, context: AppLoadContext) {
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	return { locale, profile, texts: resources[locale].citizen }
}
