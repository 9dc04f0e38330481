import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BOARD_CATEGORIES } from '~/modules/board/board-categories'

export type BoardFormValues = {
	title: string
	description: string
	category: string
	referenceNumber: string
	fileMark: string
	concerns: string
	postedFrom: string
	postedUntil: string
}

type Props = {
	values: BoardFormValues
	fieldErrors: Record<string, string[]>
	formError: { key: string; name?: string } | null
	submitLabel: string
	isEdit?: boolean
	/** A posted document's first day is history: shown, not editable. */
	isFromFixed?: boolean
	attachments?: { id: string; fileName: string }[]
}

const FIELD = 'w-full max-w-xl rounded-town border border-muted bg-surface px-3 py-2 text-ink'

/** Post or edit a board document; plain form POST (works without JavaScript), errors by field. */
export function BoardDocumentForm({ values, fieldErrors, formError, submitLabel, isEdit = false, isFromFixed = false, attachments = [] }: Props) {
	const { t } = useTranslation('board')
	const errorsOf = (name: string) => fieldErrors[name] ?? []
	const described = (name: string, help?: boolean) =>
		[help ? `${name}-help` : null, errorsOf(name).length ? `${name}-error` : null].filter(Boolean).join(' ') || undefined
	const errorList = (name: string) =>
		errorsOf(name).length ? (
			<ul id={`${name}-error`} className="mt-1 text-sm font-medium text-red-800">
				{errorsOf(name).map((key) => (
					<li key={key}>{t(key)}</li>
				))}
			</ul>
		) : null
	const text = (name: keyof BoardFormValues, options: { required?: boolean; type?: 'text' | 'date'; help?: string; readOnly?: boolean } = {}) => (
		<div className="mb-4">
			<label htmlFor={`board-${name}`} className="mb-1 block font-medium">
				{t(`office.fields.${name}`)}
			</label>
			{options.help ? (
				<p id={`${name}-help`} className="mb-1 text-sm text-muted">
					{options.help}
				</p>
			) : null}
			<input
				id={`board-${name}`}
				name={name}
				type={options.type ?? 'text'}
				defaultValue={values[name]}
				required={options.required}
				readOnly={options.readOnly}
				aria-invalid={errorsOf(name).length ? true : undefined}
				aria-describedby={described(name, Boolean(options.help))}
				className={FIELD}
			/>
			{errorList(name)}
		</div>
	)
	return (
		<Form method="post" encType="multipart/form-data" className="max-w-3xl">
			<input type="hidden" name="intent" value={isEdit ? 'edit' : 'post'} />
			<div role="alert" className={formError ? 'mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900' : undefined}>
				{formError ? <p>{t(formError.key, { name: formError.name ?? '' })}</p> : null}
			</div>
			{text('title', { required: true })}
			<div className="mb-4">
				<label htmlFor="board-description" className="mb-1 block font-medium">
					{t('office.fields.description')}
				</label>
				<textarea
					id="board-description"
					name="description"
					rows={4}
					defaultValue={values.description}
					aria-describedby={described('description')}
					className={FIELD}
				/>
				{errorList('description')}
			</div>
			<div className="mb-4">
				<label htmlFor="board-category" className="mb-1 block font-medium">
					{t('office.fields.category')}
				</label>
				<select
					id="board-category"
					name="category"
					defaultValue={values.category}
					required
					aria-invalid={errorsOf('category').length ? true : undefined}
					aria-describedby={described('category')}
					className={FIELD}
				>
					<option value="">—</option>
					{BOARD_CATEGORIES.map((code) => (
						<option key={code} value={code}>
							{t(`categories.${code}`)}
						</option>
					))}
				</select>
				{errorList('category')}
			</div>
			{text('referenceNumber')}
			{text('fileMark')}
			{text('concerns')}
			{text('postedFrom', { required: true, type: 'date', help: isFromFixed ? undefined : t('office.fields.postedFromHelp'), readOnly: isFromFixed })}
			{text('postedUntil', { required: true, type: 'date' })}
			{isEdit ? (
				<div className="mb-4">
					<label htmlFor="board-changeNote" className="mb-1 block font-medium">
						{t('office.fields.changeNote')}
					</label>
					<input id="board-changeNote" name="changeNote" type="text" defaultValue="" className={FIELD} />
				</div>
			) : null}
			{attachments.length ? (
				<fieldset className="mb-4">
					<legend className="mb-1 font-medium">{t('detail.attachments')}</legend>
					{attachments.map((a) => (
						<div key={a.id}>
							<label>
								<input type="checkbox" name="dropAttachment" value={a.id} className="mr-2" />
								{t('office.fields.dropAttachment', { name: a.fileName })}
							</label>
						</div>
					))}
				</fieldset>
			) : null}
			<div className="mb-6">
				<label htmlFor="board-attachments" className="mb-1 block font-medium">
					{t('office.fields.attachments')}
				</label>
				<p id="attachments-help" className="mb-1 text-sm text-muted">
					{t('office.fields.attachmentsHelp')}
				</p>
				<input id="board-attachments" name="attachments" type="file" multiple accept="application/pdf,.pdf" aria-describedby="attachments-help" />
			</div>
			<button type="submit" className="rounded-town border-2 border-primary bg-primary px-4 py-2 font-semibold text-primary-contrast">
				{submitLabel}
			</button>
		</Form>
	)
}
