import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { FormErrors, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { useZodForm } from '~/components/office/use-zod-form'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { getVendorUser, VENDOR_LOGIN } from '~/modules/platform-auth/require-vendor.server'
import { completeVendorSecondFactor } from '~/modules/platform-auth/sign-in-vendor.server'
import { CodeSchema, returnPathWithin } from '~/modules/staff/staff-forms'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { title } = await platformPage(request, 'verify.title')
	const returnTo = new URL(request.url).searchParams.get('returnTo')
	const user = await getVendorUser(request, context)
	if (!user) throw redirect(VENDOR_LOGIN)
	if (user.isComplete) throw redirect(returnPathWithin('/platform', returnTo))
	return { title, returnTo: returnTo ?? '' }
}

export const meta = titleMeta

const REFUSALS = { invalid: 'verify.invalid', locked: 'login.locked', rate_limited: 'login.rateLimited' } as const

export async function action({ request, context }: ActionFunctionArgs) {
	const submission = parseWithZod(await request.formData(), { schema: CodeSchema })
	if (submission.status !== 'success') return data({ result: submission.reply({ resetForm: true }) }, { status: 400 })
	const result = await completeVendorSecondFactor({ request, context, code: submission.value.code })
	if (!result.ok) {
		if (result.reason === 'no_session') throw redirect(VENDOR_LOGIN)
		return data({ result: submission.reply({ formErrors: [REFUSALS[result.reason]], resetForm: true }) }, { status: 400 })
	}
	return redirect(returnPathWithin('/platform', submission.value.returnTo), { headers: { 'Set-Cookie': result.cookie } })
}

export const handle = { i18n: ['office'] }

export default function VendorVerify() {
	const { returnTo } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(CodeSchema, { id: 'vendor-verify', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('verify.title')}</h1>
			<p className="mb-6">{t('verify.intro')}</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="returnTo" value={returnTo} />
				<TextField field={fields.code} label={t('fields.code')} help={t('verify.codeHelp')} autoComplete="one-time-code" />
				<SubmitButton>{t('verify.submit')}</SubmitButton>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
