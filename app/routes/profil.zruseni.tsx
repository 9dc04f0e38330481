import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getCitizenTexts } from '~/modules/citizen/citizen-texts.server'
import { closeAccount } from '~/modules/citizen/close-account.server'
import { CloseAccountSchema } from '~/modules/citizen/contact-preferences-schema'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { DEFAULT_ACCOUNTING_RETENTION_YEARS } from '~/modules/citizen/retention'
import { endCitizenSession } from '~/modules/nia/end-citizen-session.server'
import { isDocumentSubmission } from '~/modules/nia/is-document-submission'
import { LOGGED_OUT_PAGE } from '~/modules/nia/sp-endpoints'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: 'citizen' }

export async function loader({ request, context }: LoaderFunctionArgs) {
	await requireCitizen(request, context)
	const { texts } = await getCitizenTexts(request, context)
	return { title: texts.close.title }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const submission = parseWithZod(await request.formData(), { schema: CloseAccountSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	// The LogoutRequest needs the NIA NameID of this session, so it is built before the sessions go.
	const { setCookie, niaLogoutUrl } = await endCitizenSession({ user, request, kind: 'account-closed', requestId: context.portal.requestId })
	await closeAccount({ db: user.db, ability: user.ability, personId: user.actor.personId, requestId: context.portal.requestId })
	const headers = { 'Set-Cookie': setCookie, 'Cache-Control': 'no-store' }
	// With JavaScript Remix follows the redirect to NIA itself. A plain form submission may not leave for
	// another site (CSP form-action, see auth.nia.logout.tsx): it ends here, logged out of the portal.
	const target = niaLogoutUrl && !isDocumentSubmission(request) ? niaLogoutUrl : `${LOGGED_OUT_PAGE}?ucet=zrusen`
	return redirect(target, { status: 303, headers })
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function CloseAccount() {
	const { t } = useTranslation('citizen')
	const lastResult = useActionData<typeof action>()?.result
	const [form, fields] = useForm({
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CloseAccountSchema }),
		shouldValidate: 'onSubmit',
	})
	const list = (key: string) => t(key, { returnObjects: true, years: DEFAULT_ACCOUNTING_RETENTION_YEARS }) as unknown as string[]
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('close.title')}</h1>
			<p className="mb-6">{t('close.intro')}</p>
			<h2 className="mb-2 text-2xl font-semibold">{t('close.removedHeading')}</h2>
			<ul className="mb-6 list-disc pl-6">
				{list('close.removed').map((line) => (
					<li key={line}>{line}</li>
				))}
			</ul>
			<h2 className="mb-2 text-2xl font-semibold">{t('close.keptHeading')}</h2>
			<ul className="mb-8 list-disc pl-6">
				{list('close.kept').map((line) => (
					<li key={line}>{line}</li>
				))}
			</ul>
			<Form method="post" {...getFormProps(form)} className="grid gap-4">
				<div className="flex items-start gap-2">
					<input
						{...getInputProps(fields.confirm, { type: 'checkbox' })}
						key={fields.confirm.key}
						aria-describedby={fields.confirm.errors ? fields.confirm.errorId : undefined}
						className="mt-1 h-5 w-5"
					/>
					<label htmlFor={fields.confirm.id}>{t('close.confirm')}</label>
				</div>
				{fields.confirm.errors?.length ? (
					<p id={fields.confirm.errorId} role="alert" className="font-semibold text-red-800">
						{t(fields.confirm.errors[0]!)}
					</p>
				) : null}
				<p className="flex flex-wrap items-center gap-4">
					<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('close.submit')}
					</button>
					<Link to="/profil">{t('close.cancel')}</Link>
				</p>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
