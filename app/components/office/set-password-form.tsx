import { getFormProps } from '@conform-to/react'
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { newPasswordFormSchema } from '~/modules/staff/password-rules'
import { FormErrors, SubmitButton, TextField } from './form-field'
import { useZodForm } from './use-zod-form'

/** New password twice, checked by the same rules in the browser and on the server. */
export function SetPasswordForm({ email, lastResult, submitLabel }: { email: string; lastResult?: SubmissionResult<string[]> | null; submitLabel: string }) {
	const { t } = useTranslation('office')
	const schema = useMemo(() => newPasswordFormSchema(email), [email])
	const [form, fields] = useZodForm(schema, { id: 'set-password', lastResult })
	return (
		<Form method="post" {...getFormProps(form)}>
			<FormErrors id={form.errorId} errors={form.errors} />
			{/* For password managers: which account this password belongs to. */}
			<input type="hidden" name="username" value={email} autoComplete="username" />
			<TextField field={fields.password} label={t('fields.newPassword')} type="password" autoComplete="new-password" help={t('password.rules')} />
			<TextField field={fields.confirm} label={t('fields.confirmPassword')} type="password" autoComplete="new-password" />
			<SubmitButton>{submitLabel}</SubmitButton>
		</Form>
	)
}

export function InvalidLink({ title, text }: { title: string; text: string }) {
	const { t } = useTranslation('office')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{title}</h1>
			<p className="mb-6">{text}</p>
			<a href="/urad/prihlaseni">{t('login.title')}</a>
		</main>
	)
}
