import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { Notice, SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { LOCALES } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { getLegalPages } from '~/modules/legal/get-legal-pages.server'
import { ACCESSIBILITY_STATUSES, ASSESSMENT_METHODS } from '~/modules/legal/legal-pages-schema'
import { saveLegalPage } from '~/modules/legal/save-legal-page.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// The town admin edits what is the town's own on the two legal pages; the rest stays the default.
const IntentSchema = z.object({ page: z.enum(['accessibility', 'privacy']), intent: z.enum(['save', 'reset']) })

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'TownSettings', { request, context })
	const legal = await getLegalPages(user.db)
	return { title: `${resources[page.locale].legal.admin.title} – ${page.townName}`, ...legal }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'update', 'TownSettings', { request, context })
	const form = Object.fromEntries(await request.formData())
	const intent = IntentSchema.safeParse(form)
	if (!intent.success) return data({ page: null, errors: { intent: 'choice' } as Record<string, string> }, { status: 400 })
	const result = await saveLegalPage({
		db: user.db,
		page: intent.data.page,
		form,
		reset: intent.data.intent === 'reset',
		staffId: user.me.id,
		meta: requestMeta(context),
	})
	if (!result.ok) return data({ page: intent.data.page, errors: result.errors }, { status: 400 })
	return redirect(`/urad/pravni-stranky?${intent.data.intent === 'reset' ? 'vraceno' : 'ulozeno'}=${intent.data.page}`)
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'legal'] }

const input = 'w-full max-w-md rounded-town border px-2 py-1'

function Field({
	name,
	label,
	error,
	children,
}: {
	name: string
	label: string
	error?: string
	children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode
}) {
	const { t } = useTranslation('legal')
	const id = `field-${name}`
	return (
		<div className="mb-3">
			<label htmlFor={id} className="block font-medium">
				{label}
			</label>
			{children({ id, ...(error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}) })}
			{error ? (
				<p id={`${id}-error`} className="text-sm font-semibold text-red-800">
					{t(`admin.errors.${error}`, { defaultValue: t('admin.errors.choice') })}
				</p>
			) : null}
		</div>
	)
}

export default function LegalPagesAdmin() {
	const { accessibility, privacy, isAccessibilityDefault, isPrivacyDefault } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [search] = useSearchParams()
	const { t } = useTranslation('legal')
	const { t: tCommon } = useTranslation()
	const errors = (page: string) => (actionData?.page === page ? actionData.errors : {})
	const a = errors('accessibility')
	const p = errors('privacy')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('admin.title')}</h1>
			<p className="mb-4">{t('admin.intro')}</p>
			{search.has('ulozeno') ? <Notice>{t('admin.saved')}</Notice> : null}
			{search.has('vraceno') ? <Notice>{t('admin.resetDone')}</Notice> : null}
			{actionData ? (
				<p role="alert" className="mb-4 font-semibold text-red-800">
					{t('admin.invalid')}
				</p>
			) : null}
			<Form method="post" aria-labelledby="accessibility-heading" className="mb-10" noValidate>
				<h2 id="accessibility-heading" className="mb-1 text-xl font-semibold">
					{t('admin.accessibilityHeading')}
				</h2>
				<p className="mb-3 text-sm">
					{isAccessibilityDefault ? t('admin.default') : t('admin.customised')} <Link to="/prohlaseni-o-pristupnosti">{t('admin.view')}</Link>
				</p>
				<input type="hidden" name="page" value="accessibility" />
				<Field name="status" label={t('admin.fields.status')} error={a.status}>
					{(props) => (
						<select {...props} name="status" defaultValue={accessibility.status} className={input}>
							{ACCESSIBILITY_STATUSES.map((status) => (
								<option key={status} value={status}>
									{t(`admin.statuses.${status}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field name="method" label={t('admin.fields.method')} error={a.method}>
					{(props) => (
						<select {...props} name="method" defaultValue={accessibility.method} className={input}>
							{ASSESSMENT_METHODS.map((method) => (
								<option key={method} value={method}>
									{t(`admin.methods.${method}`)}
								</option>
							))}
						</select>
					)}
				</Field>
				<Field name="preparedOn" label={t('admin.fields.preparedOn')} error={a.preparedOn}>
					{(props) => <input {...props} type="date" name="preparedOn" defaultValue={accessibility.preparedOn} className={input} />}
				</Field>
				<Field name="reviewedOn" label={t('admin.fields.reviewedOn')} error={a.reviewedOn}>
					{(props) => <input {...props} type="date" name="reviewedOn" defaultValue={accessibility.reviewedOn} className={input} />}
				</Field>
				<Field name="feedbackEmail" label={t('admin.fields.feedbackEmail')} error={a.feedbackEmail}>
					{(props) => <input {...props} type="email" name="feedbackEmail" defaultValue={accessibility.feedbackEmail} className={input} />}
				</Field>
				{LOCALES.map((locale) => (
					<Field
						key={locale}
						name={`nonAccessible.${locale}`}
						label={t('admin.fields.nonAccessible', { language: tCommon(`language.${locale}`) })}
						error={a[`nonAccessible.${locale}`]}
					>
						{(props) => <textarea {...props} name={`nonAccessible.${locale}`} defaultValue={accessibility.nonAccessible[locale]} rows={3} className={input} />}
					</Field>
				))}
				<div className="flex flex-wrap gap-3">
					<SubmitButton name="intent" value="save">
						{t('admin.save')}
					</SubmitButton>
					{isAccessibilityDefault ? null : (
						<SubmitButton name="intent" value="reset" variant="secondary">
							{t('admin.reset')}
						</SubmitButton>
					)}
				</div>
			</Form>
			<Form method="post" aria-labelledby="privacy-heading" noValidate>
				<h2 id="privacy-heading" className="mb-1 text-xl font-semibold">
					{t('admin.privacyHeading')}
				</h2>
				<p className="mb-3 text-sm">
					{isPrivacyDefault ? t('admin.default') : t('admin.customised')} <Link to="/ochrana-osobnich-udaju">{t('admin.view')}</Link>
				</p>
				<input type="hidden" name="page" value="privacy" />
				<Field name="dpoName" label={t('admin.fields.dpoName')} error={p.dpoName}>
					{(props) => <input {...props} name="dpoName" defaultValue={privacy.dpoName} className={input} />}
				</Field>
				<Field name="dpoEmail" label={t('admin.fields.dpoEmail')} error={p.dpoEmail}>
					{(props) => <input {...props} type="email" name="dpoEmail" defaultValue={privacy.dpoEmail} className={input} />}
				</Field>
				<Field name="dpoPhone" label={t('admin.fields.dpoPhone')} error={p.dpoPhone}>
					{(props) => <input {...props} type="tel" name="dpoPhone" defaultValue={privacy.dpoPhone} className={input} />}
				</Field>
				{LOCALES.map((locale) => (
					<Field
						key={locale}
						name={`extra.${locale}`}
						label={t('admin.fields.extra', { language: tCommon(`language.${locale}`) })}
						error={p[`extra.${locale}`]}
					>
						{(props) => <textarea {...props} name={`extra.${locale}`} defaultValue={privacy.extra[locale]} rows={4} className={input} />}
					</Field>
				))}
				<div className="flex flex-wrap gap-3">
					<SubmitButton name="intent" value="save">
						{t('admin.save')}
					</SubmitButton>
					{isPrivacyDefault ? null : (
						<SubmitButton name="intent" value="reset" variant="secondary">
							{t('admin.reset')}
						</SubmitButton>
					)}
				</div>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
