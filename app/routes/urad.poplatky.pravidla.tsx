import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Notice, SubmitButton } from '~/components/office/form-field'
import { FeeRulesForm } from '~/components/office/fee-rules-form'
import { HouseholdPreview } from '~/components/office/household-preview'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { findLatestRuleVersion, listRuleVersions } from '~/modules/fees/list-rule-versions.server'
import { RulebookFormSchema, rulebookToForm } from '~/modules/fees/rulebook-form'
import { rulebookIssueKey } from '~/modules/fees/rulebook-issue-key'
import { RulebookSchema } from '~/modules/fees/rulebook-schema'
import { saveRuleVersion } from '~/modules/fees/save-rule-version.server'
import { resources } from '~/modules/i18n/resources.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { readPage } from '~/modules/http/page-param'

const YearSchema = z.coerce.number().int().min(2000).max(2100)

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'FeeRuleVersion', { request, context })
	const url = new URL(request.url)
	const pageNumber = readPage(url.searchParams)
	const [list, latest] = await Promise.all([listRuleVersions({ db: user.db, page: pageNumber }), findLatestRuleVersion({ db: user.db })])
	const stored = RulebookSchema.safeParse(latest?.rules ?? { feeTypes: [] })
	const saved = z.coerce.number().int().positive().safeParse(url.searchParams.get('ulozeno'))
	return {
		title: `${resources[page.locale]['fees-office'].rules.title} – ${page.townName}`,
		rulesText: JSON.stringify(latest?.rules ?? { feeTypes: [] }, null, 2),
		formValue: rulebookToForm(stored.success ? stored.data : RulebookSchema.parse({ feeTypes: [] })),
		latestVersion: latest?.version ?? null,
		saved: saved.success ? saved.data : null,
		unchanged: url.searchParams.get('nezmeneno') === '1',
		canEdit: user.ability.can('create', 'FeeRuleVersion'),
		year: new Date().getUTCFullYear(),
		page: Math.min(pageNumber, list.pages),
		...list,
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'create', 'FeeRuleVersion', { request, context })
	const form = await request.formData()
	const done = (result: { created: boolean; version: number }) =>
		redirect(result.created ? `/urad/poplatky/pravidla?ulozeno=${result.version}` : '/urad/poplatky/pravidla?nezmeneno=1')
	if (form.get('mode') === 'json') {
		// The advanced import: the whole rulebook as JSON, checked by the same schema.
		const text = String(form.get('rules') ?? '')
		let rules: unknown
		try {
			rules = JSON.parse(text)
		} catch {
			return data({ text, errors: [{ key: 'rules.errors.json', path: '' }], result: null }, { status: 400 })
		}
		const result = await saveRuleVersion({ db: user.db, rules, by: user.me.id, ...requestMeta(context) })
		if (!result.ok) return data({ text, errors: result.issues.map(rulebookIssueKey), result: null }, { status: 400 })
		return done(result)
	}
	const submission = parseWithZod(form, { schema: RulebookFormSchema })
	// An added or removed row without JavaScript (a Conform intent) comes back as the form with the row.
	if (submission.status !== 'success')
		return data({ text: null, errors: [], result: submission.reply() }, { status: submission.status === 'error' ? 400 : 200 })
	const result = await saveRuleVersion({ db: user.db, rules: submission.value, by: user.me.id, ...requestMeta(context) })
	if (!result.ok)
		return data(
			{ text: null, errors: result.issues.map(rulebookIssueKey), result: submission.reply({ formErrors: result.issues.map((i) => rulebookIssueKey(i).key) }) },
			{ status: 400 },
		)
	return done(result)
}

export const handle = { i18n: ['office', 'fees-office'] }

export default function FeeRulesPage() {
	const loaderData = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t, i18n } = useTranslation('fees-office')
	const [text, setText] = useState(actionData?.text ?? loaderData.rulesText)
	const [year, setYear] = useState(loaderData.year)
	const errors = actionData?.errors ?? []
	const jsonFailed = Boolean(actionData?.text !== null && actionData?.text !== undefined && errors.length)
	const preview = (rules: unknown) => (
		<>
			<label className="mb-4 block">
				<span className="mb-1 block font-medium">{t('rules.previewYear')}</span>
				<input
					type="number"
					name="previewYear"
					min={2000}
					max={2100}
					value={year}
					onChange={(e) => setYear(YearSchema.catch(year).parse(e.target.value))}
					className="rounded-town border px-2 py-1"
				/>
			</label>
			<HouseholdPreview rules={rules} year={year} />
		</>
	)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('rules.title')}</h1>
			<p className="mb-6">{loaderData.latestVersion ? t('rules.current', { version: loaderData.latestVersion }) : t('rules.none')}</p>
			{loaderData.saved ? <Notice>{t('rules.saved', { version: loaderData.saved })}</Notice> : null}
			{loaderData.unchanged ? <Notice>{t('rules.unchanged')}</Notice> : null}
			{loaderData.canEdit ? (
				<>
					<FeeRulesForm defaultValue={loaderData.formValue} lastResult={actionData?.result} preview={preview} />
					<details className="mb-10 rounded-town border border-muted p-4" open={jsonFailed}>
						<summary className="cursor-pointer font-semibold">{t('rules.advanced')}</summary>
						<p className="my-2">
							<a
								download="pravidla-poplatku.json"
								href={`data:application/json;charset=utf-8,${encodeURIComponent(loaderData.rulesText)}`}
								className="underline"
							>
								{t('rules.export')}
							</a>
						</p>
						<div role="alert" id="rules-errors">
							{jsonFailed ? (
								<ul className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
									{errors.map((e, index) => (
										<li key={`${e.path}:${index}`}>
											{e.path ? <code>{e.path}</code> : null} {t(e.key)}
										</li>
									))}
								</ul>
							) : null}
						</div>
						<Form method="post" action="/urad/poplatky/pravidla">
							<input type="hidden" name="mode" value="json" />
							<label htmlFor="rules" className="mb-1 block font-medium">
								{t('rules.editorLabel')}
							</label>
							<p id="rules-help" className="mb-2 text-sm">
								{t('rules.editorHelp')}
							</p>
							<textarea
								id="rules"
								name="rules"
								rows={16}
								spellCheck={false}
								aria-describedby="rules-help rules-errors"
								aria-invalid={jsonFailed || undefined}
								value={text}
								onChange={(e) => setText(e.target.value)}
								className="w-full rounded-town border p-2 font-mono text-sm"
							/>
							<div className="mt-3">
								<SubmitButton variant="secondary">{t('rules.import')}</SubmitButton>
							</div>
						</Form>
					</details>
				</>
			) : (
				<>
					{preview(JSON.parse(loaderData.rulesText))}
					<pre className="mb-10 overflow-x-auto rounded-town border p-2 text-sm">{loaderData.rulesText}</pre>
				</>
			)}
			<section aria-labelledby="versions-heading">
				<h2 id="versions-heading" className="mb-3 text-xl font-semibold">
					{t('rules.history', { count: loaderData.total })}
				</h2>
				<table className="w-full text-left">
					<thead>
						<tr>
							<th scope="col">{t('rules.version')}</th>
							<th scope="col">{t('rules.createdAt')}</th>
							<th scope="col">{t('rules.claims')}</th>
						</tr>
					</thead>
					<tbody>
						{loaderData.versions.map((v) => (
							<tr key={v.version}>
								<td>{v.version}</td>
								<td>{new Date(v.createdAt).toLocaleString(i18n.language, { timeZone: 'Europe/Prague' })}</td>
								<td>{v.claims}</td>
							</tr>
						))}
					</tbody>
				</table>
				<Pagination page={loaderData.page} pages={loaderData.pages} label={t('rules.pagination')} />
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
