import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { CodeSchema } from '~/modules/staff/staff-forms'
import { FormErrors, SubmitButton, TextField } from './form-field'
import { useZodForm } from './use-zod-form'

/** The second sign-in step (TOTP or recovery code), shared by the office and the vendor console. */
export function SecondFactorPage({
	formId,
	returnTo,
	lastResult,
	cancelAction,
}: {
	formId: string
	returnTo: string
	lastResult?: SubmissionResult<string[]>
	cancelAction?: string
}) {
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(CodeSchema, { id: formId, lastResult })
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
			{cancelAction ? (
				<form method="post" action={cancelAction} className="mt-8">
					<button type="submit" className="underline">
						{t('verify.cancel')}
					</button>
				</form>
			) : null}
		</main>
	)
}
