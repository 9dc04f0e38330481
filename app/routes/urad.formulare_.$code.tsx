import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BUTTON, BuilderForm, BuilderPageContext, SECONDARY, useProblemText, type Rejected } from '~/components/form-builder/builder-controls'
import { DefinitionEditor } from '~/components/form-builder/definition-editor'
import { FormPreview } from '~/components/form-builder/form-preview'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { BuilderEditSchema, type BuilderEdit } from '~/modules/form-builder/builder-edit-schema'
import { discardFormDraft } from '~/modules/form-builder/discard-form-draft.server'
import { draftStamp, editFormDraft } from '~/modules/form-builder/edit-form-draft.server'
import { inputForProblem } from '~/modules/form-builder/input-for-problem'
import type { DefinitionProblem } from '~/modules/form-builder/parse-definition-json'
import { loadFormDraft } from '~/modules/form-builder/load-form-draft.server'
import { problemHint } from '~/modules/form-builder/problem-hint'
import { publishFormDraft } from '~/modules/form-builder/publish-form-draft.server'
import { FORM_LOCALES, FormDefinitionBaseSchema, type FormDefinition } from '~/modules/forms/form-definition-schema'
import { listSubmissionAgendas } from '~/modules/forms/list-submission-agendas.server'
import { inboxPage } from '~/modules/inbox/inbox-page.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { pickText } from '~/modules/i18n/locales'
import { formatDateTime } from '~/modules/i18n/format'

const NOTICES = ['saved', 'published', 'discarded', 'created'] as const

async function requireForm(request: Request, context: LoaderFunctionArgs['context'], code: string | undefined) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'Form', { request, context })
	const form = code ? await loadFormDraft({ db: user.db, code }) : null
	if (!form) throw data({ reason: 'not_found' }, { status: 404 })
	return { user, form }
}

// Town admins: the visual builder of one form. The left column edits the form's draft (each change
// a form POST with an intent, so it works without JavaScript), the right shows it as citizens will.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await inboxPage(request, context, 'builder.title')
	const { user, form } = await requireForm(request, context, params.code)
	const url = new URL(request.url)
	const agendas = await listSubmissionAgendas({ db: user.db })
	// Stored definitions passed the schema; parsing again only fills defaults the preview relies on.
	const parsed = FormDefinitionBaseSchema.safeParse(form.definition)
	const definition = (parsed.success ? parsed.data : form.definition) as FormDefinition
	const previewLocale = FORM_LOCALES.find((locale) => locale === url.searchParams.get('nahled')) ?? page.locale
	return {
		title: `${pickText(definition.title, page.locale)} – ${page.title}`,
		locale: page.locale,
		previewLocale,
		code: form.code,
		definition,
		hasDraft: form.hasDraft,
		draftStamp: draftStamp(form.draftUpdatedAt),
		draftUpdatedAt: form.draftUpdatedAt ? formatDateTime(form.draftUpdatedAt, page.locale) : null,
		draftUpdatedBy: form.draftUpdatedBy,
		previewKey: `${form.draftUpdatedAt?.toISOString() ?? 'published'}-${previewLocale}`,
		publishedVersion: form.publishedVersion,
		notice: NOTICES.find((key) => key === url.searchParams.get('hlaseni')) ?? null,
		version: url.searchParams.get('verze'),
		open: url.searchParams.get('otevrit'),
		agendas: agendas.map((agenda) => ({ code: agenda.code, name: pickText(agenda.name, page.locale) || agenda.code })),
	}
}

export const meta = titleMeta

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, form } = await requireForm(request, context, params.code)
	const staff = { id: user.me.id, name: user.me.name }
	const here = `/urad/formulare/${form.code}`
	const formData = await request.formData()
	const body = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
	// One checkbox per accepted file type, all named "accept".
	if (formData.has('accept')) body.accept = formData.getAll('accept').map(String).join(',')
	// Absent only when posted by something other than the page (then no concurrent-save check).
	const expectedStamp = typeof body.draftStamp === 'string' ? body.draftStamp : undefined
	const refuse = (problems: DefinitionProblem[], edit?: BuilderEdit) =>
		data({ problems, conflict: null, rejected: rejectedFor(body, problems, edit) }, { status: 400 })
	if (body.intent === 'publish-draft') {
		const result = await publishFormDraft({ db: user.db, code: form.code, staff, expectedStamp, ...requestMeta(context) })
		if ('conflict' in result) return conflictResponse(result.conflict, body)
		if (!result.ok) return refuse(result.problems)
		return redirect(`${here}?hlaseni=published&verze=${result.version}`)
	}
	if (body.intent === 'discard-draft') {
		const result = await discardFormDraft({ db: user.db, code: form.code, staff, expectedStamp, ...requestMeta(context) })
		if ('conflict' in result) return conflictResponse(result.conflict, body)
		// A form never published was only its draft: it is gone, back to the list.
		return redirect(result.deleted ? '/urad/formulare?hlaseni=discarded' : `${here}?hlaseni=discarded`)
	}
	const edit = BuilderEditSchema.safeParse(body)
	if (!edit.success) return refuse(edit.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message, rule: 'invalid' })))
	const result = await editFormDraft({ db: user.db, code: form.code, edit: edit.data, staff, expectedStamp })
	if ('conflict' in result) return conflictResponse(result.conflict, body)
	if (!result.ok) return refuse(result.problems, edit.data)
	// Reopen what was just edited, so the admin does not lose their place.
	const open = openAfter(edit.data, result.definition)
	return redirect(`${here}?hlaseni=saved${open ? `&otevrit=${open}` : ''}`)
}

/** The refused form's values and its problems by input, so the page shows each at its input. */
function rejectedFor(body: Record<string, string>, problems: DefinitionProblem[], edit?: BuilderEdit): Rejected | null {
	if (!body.formKey) return null
	const errors: Record<string, DefinitionProblem[]> = {}
	for (const problem of problems) {
		// Without a parsed edit, a problem of the posted values is named by its input (e.g. "step").
		const input = edit ? inputForProblem(problem.path, edit) : /^[a-zA-Z]+$/.test(problem.path) ? problem.path : null
		if (input) errors[input] = [...(errors[input] ?? []), problem]
	}
	const { formKey, draftStamp: _stamp, intent: _intent, ...values } = body
	return { key: formKey, values, errors }
}

/** Another admin saved the draft after this page was loaded: 409, nothing saved, the typed values kept. */
function conflictResponse(conflict: { by: string | null; at: Date | null }, body: Record<string, string>) {
	return data(
		{ problems: [] as DefinitionProblem[], conflict: { by: conflict.by ?? '', at: conflict.at?.toISOString() ?? '' }, rejected: rejectedFor(body, []) },
		{ status: 409 },
	)
}

/**
 * After a conflict the page must show the draft as it is now (and its new stamp), so a second
 * save goes over the other admin's work knowingly; Remix skips revalidation after a 4xx otherwise.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate

/** The editor to show open after an edit: the settings, the step, the field edited or just added. */
function openAfter(edit: BuilderEdit, definition: FormDefinition): string {
	if (edit.intent === 'set-form') return 'settings'
	if (edit.intent === 'set-step') return `step-${edit.step}`
	if (edit.intent === 'add-field') {
		const fields = definition.steps[edit.step]?.fields ?? []
		if (edit.group === undefined) return `${edit.step}-${fields.length - 1}`
		const group = fields[edit.group]
		return `${edit.step}-${edit.group}-${group?.type === 'group' ? group.fields.length - 1 : 0}`
	}
	if (edit.intent === 'remove-field' || edit.intent === 'remove-step' || edit.intent === 'move-step' || edit.intent === 'add-step') return ''
	if (edit.intent === 'move-field') return ''
	return [edit.step, edit.field, edit.child].filter((part) => part !== undefined).join('-')
}

export default function FormBuilderDesignerPage() {
	const { t } = useTranslation('forms-office')
	const page = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const definition = page.definition as FormDefinition
	const problemText = useProblemText()
	const pageContext = { draftStamp: page.draftStamp, rejected: (result?.rejected ?? null) as Rejected | null }
	return (
		<BuilderPageContext.Provider value={pageContext}>
			<main id="main" className="mx-auto max-w-7xl p-6">
				<p className="mb-4">
					<Link to="/urad/formulare">{t('designer.back')}</Link>
				</p>
				<h1 className="mb-2 text-2xl font-bold">{t('designer.heading', { title: pickText(definition.title, page.locale) })}</h1>
				<p className="mb-4">
					{page.hasDraft && page.publishedVersion === null
						? t('designer.draftNew', { by: page.draftUpdatedBy ?? '', at: page.draftUpdatedAt ?? '' })
						: page.hasDraft
							? t('designer.draftOpen', { by: page.draftUpdatedBy ?? '', at: page.draftUpdatedAt ?? '', version: page.publishedVersion ?? '–' })
							: t('designer.noDraft', { version: page.publishedVersion ?? '–' })}
				</p>
				{page.notice && !result ? (
					<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
						{page.notice === 'saved'
							? t('designer.saved')
							: page.notice === 'published'
								? t('designer.publishedNotice', { version: page.version ?? '' })
								: page.notice === 'created'
									? t('newForm.created')
									: t('designer.discarded')}
					</p>
				) : null}
				{result?.conflict ? (
					<div role="alert" className="mb-4 rounded-town border-2 border-danger p-3">
						<p className="font-medium">
							{t('designer.conflict', {
								by: result.conflict.by || t('designer.someone'),
								at: result.conflict.at ? formatDateTime(new Date(result.conflict.at), page.locale) : '',
							})}
						</p>
						<p>{t('designer.conflictHelp')}</p>
					</div>
				) : null}
				{result?.problems.length ? (
					<div role="alert" className="mb-4 rounded-town border-2 border-danger p-3">
						<p className="font-medium">{t('designer.refused')}</p>
						<ul>
							{result.problems.map((problem, index) => (
								<li key={index}>
									{problem.rule && problem.rule !== 'invalid' ? (
										<>{problemText(problem)} </>
									) : problemHint(problem.path) ? (
										<>{t(`designer.problem.${problemHint(problem.path)}`)} </>
									) : null}
									<span className="text-sm">
										(<code>{problem.path || t('builder.root')}</code>: {problem.message})
									</span>
								</li>
							))}
						</ul>
					</div>
				) : null}
				{page.hasDraft ? (
					<div className="mb-6 flex flex-wrap gap-3">
						<BuilderForm formKey="publish" intent="publish-draft">
							<button type="submit" className={BUTTON}>
								{t('designer.publish')}
							</button>
						</BuilderForm>
						<BuilderForm formKey="discard" intent="discard-draft">
							<button type="submit" className={SECONDARY}>
								{t('designer.discard')}
							</button>
						</BuilderForm>
					</div>
				) : null}
				<div className="grid gap-8 lg:grid-cols-2">
					<section aria-labelledby="editor-heading">
						<h2 id="editor-heading" className="mb-3 text-xl font-semibold">
							{t('designer.steps')}
						</h2>
						<DefinitionEditor definition={definition} locale={page.locale} agendas={page.agendas} open={page.open} />
					</section>
					<section aria-labelledby="preview-heading" className="rounded-town border border-muted/40 bg-surface p-4 lg:sticky lg:top-4 lg:self-start">
						<h2 id="preview-heading" className="mb-1 text-xl font-semibold">
							{t('designer.preview')}
						</h2>
						<p className="mb-2 text-sm">{t('designer.previewHelp')}</p>
						<p className="mb-4 flex gap-3 text-sm">
							{t('designer.previewIn')}
							{FORM_LOCALES.map((locale) => (
								<Link
									key={locale}
									to={`?nahled=${locale}`}
									aria-current={locale === page.previewLocale ? 'true' : undefined}
									lang={locale}
									className={locale === page.previewLocale ? 'font-bold' : undefined}
								>
									{t(`designer.lang.${locale}`)}
								</Link>
							))}
						</p>
						<FormPreview key={page.previewKey} definition={definition} locale={page.previewLocale} label={t('designer.preview')} />
					</section>
				</div>
			</main>
		</BuilderPageContext.Provider>
	)
}

export const handle = { i18n: ['office', 'forms-office', 'forms'] }

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
