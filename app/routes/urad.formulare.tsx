import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { DEFINITION_JSON_MAX_BYTES } from '~/modules/form-builder/definition-json-limit'
import { listFormsWithVersions } from '~/modules/form-builder/list-form-versions.server'
import { parseDefinitionJson } from '~/modules/form-builder/parse-definition-json'
import { publishFormVersion } from '~/modules/form-builder/publish-form-version.server'
import { inboxPage } from '~/modules/inbox/inbox-page.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { pickText } from '~/modules/i18n/locales'
import { formatDate } from '~/modules/i18n/format'

const MAX_JSON = DEFINITION_JSON_MAX_BYTES

// Town admins: the forms with their versions, and a JSON editor (server round trips, no client JS
// needed) that checks a definition against the schema and publishes it as the next version.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await inboxPage(request, context, 'builder.title')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'Form', { request, context })
	const url = new URL(request.url)
	const code = url.searchParams.get('upravit')
	const forms = await listFormsWithVersions({ db: user.db })
	const editing = forms.find((form) => form.code === code)
	return {
		title: page.title,
		forms: forms.map((form) => ({
			code: form.code,
			title: pickText(form.title, page.locale),
			isActive: form.isActive,
			hasDraft: form.draftUpdatedAt !== null,
			versions: form.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt ? formatDate(v.publishedAt, page.locale) : null })),
		})),
		draft: editing?.versions[0] ? JSON.stringify(editing.versions[0].definition, null, 2) : '',
		notice: url.searchParams.get('hlaseni') === 'discarded' ? ('discarded' as const) : null,
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'Form', { request, context })
	const body = await request.formData()
	const file = body.get('file')
	const fromFile = file instanceof File && file.size > 0 ? (file.size <= MAX_JSON ? await file.text() : null) : undefined
	const text = fromFile ?? String(body.get('definition') ?? '')
	if (fromFile === null || text.length > MAX_JSON) return data({ draft: '', problems: [{ path: '', message: 'too large' }], published: null }, { status: 400 })
	const parsed = parseDefinitionJson(text)
	if (!parsed.ok) return data({ draft: text, problems: parsed.problems, published: null }, { status: 400 })
	if (body.get('intent') !== 'publish') return { draft: text, problems: [], published: null }
	const version = await publishFormVersion({
		db: user.db,
		definition: parsed.definition,
		staff: { id: user.me.id, name: user.me.name },
		...requestMeta(context),
	})
	return { draft: text, problems: [], published: { code: parsed.definition.code, version } }
}

export default function FormBuilderPage() {
	const { t } = useTranslation('forms-office')
	const { forms, draft, notice } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const button = 'rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast'
	return (
		<main id="main" className="mx-auto max-w-5xl p-6">
			<h1 className="mb-4 text-2xl font-bold">{t('builder.heading')}</h1>
			{notice === 'discarded' ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t('designer.discarded')}
				</p>
			) : null}
			<p className="mb-6">
				<Link to="/urad/formulare/novy" className="inline-block rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast">
					{t('newForm.heading')}
				</Link>
			</p>
			<table className="stack-table mb-8 w-full text-left">
				<thead>
					<tr>
						<th scope="col">{t('builder.code')}</th>
						<th scope="col">{t('inbox.form')}</th>
						<th scope="col">{t('builder.versions')}</th>
						<th scope="col">
							<span className="sr-only">{t('designer.open')}</span>
						</th>
						<th scope="col">
							<span className="sr-only">{t('builder.edit')}</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{forms.map((form) => (
						<tr key={form.code} className="border-t border-muted/30">
							<td data-label={t('builder.code')}>{form.code}</td>
							<td data-label={t('inbox.form')}>{form.title}</td>
							<td data-label={t('builder.versions')}>
								{/* "verze 2, verze 1": newest first, each a download of that version's definition. */}
								{form.versions.map((v, index) => (
									<span key={v.version}>
										{index > 0 ? ', ' : null}
										<a
											href={`/urad/formulare/export?formular=${form.code}&verze=${v.version}`}
											aria-label={`${t('builder.export')} ${form.code}: ${t('builder.versionLabel', { version: v.version })}`}
										>
											{t('builder.versionLabel', { version: v.version })}
										</a>
									</span>
								))}
							</td>
							<td>
								{form.versions.length || form.hasDraft ? (
									<Link to={`/urad/formulare/${form.code}`} aria-label={`${t('designer.open')}: ${form.title}`}>
										{t('designer.open')}
									</Link>
								) : null}
							</td>
							<td>
								<Link to={`?upravit=${form.code}`} aria-label={`${t('builder.edit')} JSON: ${form.title}`}>
									{t('builder.edit')} JSON
								</Link>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			{result?.published ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t('builder.published', result.published)}
				</p>
			) : null}
			{result && !result.published && result.problems.length === 0 ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t('builder.valid')}
				</p>
			) : null}
			{result && result.problems.length > 0 ? (
				<div role="alert" className="mb-4 rounded-town border border-danger p-3">
					<p>{t('builder.problems')}</p>
					<ul>
						{result.problems.map((p, i) => (
							<li key={i}>
								<code>{p.path || t('builder.root')}</code>: {p.message}
							</li>
						))}
					</ul>
				</div>
			) : null}
			<Form method="post" encType="multipart/form-data" className="rounded-town border border-muted/30 bg-surface p-5">
				<label htmlFor="definition" className="mb-1 block font-medium">
					{t('builder.editor')}
				</label>
				<p id="definition-help" className="mb-2">
					{t('builder.editorHelp')}
				</p>
				<textarea
					id="definition"
					name="definition"
					aria-describedby="definition-help"
					rows={24}
					defaultValue={result?.draft ?? draft}
					key={result?.draft ?? draft}
					className="w-full rounded-town border border-muted bg-surface px-3 py-2 font-mono text-sm text-ink"
				/>
				<label htmlFor="file" className="mb-1 mt-4 block font-medium">
					{t('builder.importFile')}
				</label>
				<input id="file" name="file" type="file" accept="application/json,.json" />
				<div className="mt-4 flex gap-3">
					<button type="submit" name="intent" value="check" className={button}>
						{t('builder.check')}
					</button>
					<button type="submit" name="intent" value="publish" className={button}>
						{t('builder.publish')}
					</button>
				</div>
			</Form>
		</main>
	)
}

export const handle = { i18n: ['office', 'forms-office'] }

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
