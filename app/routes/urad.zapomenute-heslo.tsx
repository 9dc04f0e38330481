import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, Notice, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requestPasswordReset } from '~/modules/staff/request-password-reset.server'
import { ForgotPasswordSchema } from '~/modules/staff/staff-forms'
import { requireTenant } from '~/modules/tenancy/require-town.server'

export async function loader({ request, context }: LoaderFunctionArgs) {
	return { title: (await officePage(request, context, 'forgot.title')).title }
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const tenant = requireTenant(context)
	const page = await officePage(request, context, 'forgot.title')
	const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), isSent: false }, { status: 400 })
	await requestPasswordReset({
		db: getTenantDb(tenant),
		tenantSlug: tenant.slug,
		email: submission.value.email,
		origin: page.origin,
		locale: page.locale,
		...requestMeta(context),
	})
	// The same answer whether or not the address has an account.
	return { result: submission.reply({ resetForm: true }), isSent: true }
}

export const handle = { i18n: ['office'] }

export default function ForgotPassword() {
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(ForgotPasswordSchema, { id: 'forgot-password', lastResult: actionData?.result })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('forgot.title')}</h1>
			<p className="mb-6">{t('forgot.intro')}</p>
			{actionData?.isSent ? <Notice>{t('forgot.sent')}</Notice> : null}
			<Form method="post" {...getFormProps(form)}>
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField field={fields.email} label={t('fields.email')} type="email" autoComplete="username" />
				<div className="flex flex-wrap items-center gap-6">
					<SubmitButton>{t('forgot.submit')}</SubmitButton>
					<Link to="/urad/prihlaseni">{t('forgot.back')}</Link>
				</div>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
