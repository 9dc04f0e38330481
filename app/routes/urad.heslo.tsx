import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { createSession } from '~/modules/auth/session.server'
import { changeStaffPassword } from '~/modules/staff/change-password.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { PasswordError, passwordErrorField, passwordErrorMessage } from '~/modules/staff/password-error'
import { changePasswordFormSchema } from '~/modules/staff/password-rules'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'changePassword.title')
	const { me } = await requireOfficeStaff(request, context)
	return { title: page.title, email: me.email }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	const submission = parseWithZod(await request.formData(), { schema: changePasswordFormSchema(user.me.email) })
	const hideFields = ['currentPassword', 'password', 'confirm']
	if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 })
	try {
		await changeStaffPassword({
			db: user.db,
			staffUserId: user.me.id,
			currentPassword: submission.value.currentPassword,
			newPassword: submission.value.password,
			...requestMeta(context),
		})
	} catch (error) {
		if (!(error instanceof PasswordError)) throw error
		return data(
			{ result: submission.reply({ fieldErrors: { [passwordErrorField(error.reason)]: [passwordErrorMessage(error.reason)] }, hideFields }) },
			{ status: 400 },
		)
	}
	// Every session ended with the change; this browser continues under a new one.
	const cookie = await createSession(user.sessionOptions, request, { kind: 'staff', staffUserId: user.me.id, secondFactorDone: true })
	return redirect('/urad?hlaseni=password-changed', { headers: { 'Set-Cookie': cookie } })
}

export const handle = { i18n: ['office'] }

export default function ChangePassword() {
	const { email } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const schema = useMemo(() => changePasswordFormSchema(email), [email])
	const [form, fields] = useZodForm(schema, { id: 'change-password', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('changePassword.title')}</h1>
			<p className="mb-6">{t('changePassword.intro')}</p>
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="username" value={email} autoComplete="username" />
				<TextField field={fields.currentPassword} label={t('fields.currentPassword')} type="password" autoComplete="current-password" />
				<TextField field={fields.password} label={t('fields.newPassword')} type="password" autoComplete="new-password" help={t('password.rules')} />
				<TextField field={fields.confirm} label={t('fields.confirmPassword')} type="password" autoComplete="new-password" />
				<SubmitButton>{t('changePassword.submit')}</SubmitButton>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
