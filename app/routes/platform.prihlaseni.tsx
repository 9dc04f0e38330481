import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { FormErrors, Notice, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { useZodForm } from '~/components/office/use-zod-form'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { getVendorUser, VENDOR_VERIFY } from '~/modules/platform-auth/require-vendor.server'
import { signInVendor } from '~/modules/platform-auth/sign-in-vendor.server'
import { LoginSchema, returnPathWithin } from '~/modules/staff/staff-forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { title } = await platformPage(request, 'vendor.login.title')
	const url = new URL(request.url)
	const user = await getVendorUser(request, context)
	if (user?.isComplete) throw redirect(returnPathWithin('/platform', url.searchParams.get('zpet')))
	return { title, returnTo: url.searchParams.get('zpet') ?? '', isLoggedOut: url.searchParams.get('hlaseni') === 'logged-out' }
}

export const meta = titleMeta

const REFUSALS = { invalid: 'login.invalid', locked: 'login.locked', rate_limited: 'login.rateLimited', no_totp: 'vendor.login.noTotp' } as const

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: LoginSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
	const { email, password, returnTo } = submission.value
	const result = await signInVendor({ request, context, email, password })
	if (!result.ok) return data({ result: submission.reply({ formErrors: [REFUSALS[result.reason]], hideFields: ['password'] }) }, { status: 400 })
	return redirect(`${VENDOR_VERIFY}?zpet=${encodeURIComponent(returnPathWithin('/platform', returnTo))}`, { headers: { 'Set-Cookie': result.cookie } })
}

export const handle = { i18n: ['office'] }

export default function VendorLogin() {
	const { returnTo, isLoggedOut } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(LoginSchema, { id: 'vendor-login', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('vendor.login.title')}</h1>
			<p className="mb-6 text-muted">{t('vendor.login.intro')}</p>
			{isLoggedOut ? <Notice>{t('notices.logged-out')}</Notice> : null}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="returnTo" value={returnTo} />
				<TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="username" />
				<TextField field={fields.password} label={t('fields.password')} type="password" autoComplete="current-password" />
				<SubmitButton>{t('login.submit')}</SubmitButton>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
