import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, Notice, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { officePage } from '~/modules/staff/office-request.server'
import { getStaffSession, OFFICE_ENROL, OFFICE_VERIFY } from '~/modules/staff/require-office-staff.server'
import { signInStaff } from '~/modules/staff/sign-in-staff.server'
import { LoginSchema, returnPathWithin } from '~/modules/staff/staff-forms'

const NOTICES = ['password-reset', 'logged-out', 'logged-out-everywhere'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'login.title')
	const url = new URL(request.url)
	const existing = await getStaffSession(request, context)
	if (existing?.isComplete) throw redirect(returnPathWithin('/urad', url.searchParams.get('zpet')))
	const notice = NOTICES.find((key) => key === url.searchParams.get('hlaseni')) ?? null
	return { title: page.title, notice, returnTo: url.searchParams.get('zpet') ?? '' }
}

export const meta = titleMeta

const REFUSALS = { invalid: 'login.invalid', locked: 'login.locked', rate_limited: 'login.rateLimited' } as const

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	const { email, password, returnTo } = submission.value
	const result = await signInStaff({ request, context, email, password })
	if (!result.ok) return data({ result: submission.reply({ formErrors: [REFUSALS[result.reason]], hideFields: ['password'] }) }, { status: 400 })
	const target = returnPathWithin('/urad', returnTo)
	const next = result.next === 'done' ? target : `${result.next === 'verify' ? OFFICE_VERIFY : OFFICE_ENROL}?zpet=${encodeURIComponent(target)}`
	return redirect(next, { headers: { 'Set-Cookie': result.cookie } })
}

export const handle = { i18n: ['office'] }

export default function OfficeLogin() {
	const { notice, returnTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(LoginSchema, { id: 'office-login', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('login.title')}</h1>
			<p className="mb-6 text-muted">{t('login.intro')}</p>
			{notice ? <Notice>{t(`notices.${notice}`)}</Notice> : null}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="returnTo" value={returnTo} />
				<TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="username" />
				<TextField field={fields.password} label={t('fields.password')} type="password" autoComplete="current-password" />
				<div className="flex flex-wrap items-center gap-6">
					<SubmitButton>{t('login.submit')}</SubmitButton>
					<Link to="/urad/zapomenute-heslo">{t('login.forgot')}</Link>
				</div>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
