import { data, type AppLoadContext } from '@remix-run/node'
import { getCurrentUser } from '../auth/current-user.server'
import { getRequestLocale } from '../i18n/locale.server'
import { requireTownProfile } from '../tenancy/require-town.server'
import { getPublishedForm } from './get-published-form.server'
import { prefillValues } from './prefill-values'
import { getDraft } from './save-draft.server'

/** Everything the fill page needs: the form, who is filling it, the draft (or prefill) and the step. */
export async function loadFormPage(request: Request, context: AppLoadContext, code: string) {
	const user = await getCurrentUser(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const form = await getPublishedForm({ db: user.db, code })
	if (!form) throw data(null, { status: 404 })
	const base = { locale, form: { code: form.code, version: form.version, definition: form.definition } }
	if (user.actor.kind !== 'citizen') {
		// Anonymous filling (where allowed) is one page without a draft: nothing to key a draft by.
		return {
			...base,
			mode: form.definition.requiresLogin ? ('login' as const) : ('anonymous' as const),
			step: 0,
			values: {},
			files: [],
			prefilled: [] as string[],
			isSaved: false,
			hasErrors: false,
			hasDraft: false,
		}
	}
	const person = await user.db.person.findUniqueOrThrow({
		where: { id: user.actor.personId },
		select: { givenName: true, familyName: true, dateOfBirth: true, address: true, email: true, notificationEmail: true, phone: true },
	})
	const prefill = prefillValues(form.definition, person)
	const draft = await getDraft({ db: user.db, personId: user.actor.personId, formVersionId: form.versionId })
	const requested = Number(new URL(request.url).searchParams.get('krok'))
	const lastStep = form.definition.steps.length
	const step =
		Number.isInteger(requested) && requested >= 0 && requested <= lastStep && new URL(request.url).searchParams.has('krok')
			? requested
			: Math.min(draft?.step ?? 0, lastStep)
	return {
		...base,
		mode: 'citizen' as const,
		step,
		values: { ...prefill, ...((draft?.data as Record<string, unknown> | undefined) ?? {}) },
		files: draft?.attachments ?? [],
		prefilled: Object.keys(prefill),
		isSaved: new URL(request.url).searchParams.has('ulozeno'),
		// The final submit found a problem on this step (sent back here to fix it).
		hasErrors: new URL(request.url).searchParams.has('chyby'),
		hasDraft: Boolean(draft),
	}
}
