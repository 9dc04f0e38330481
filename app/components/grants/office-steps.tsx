// The office's step forms on one grant application (decision 022), one component per step; which of
// them show is decided by openOfficeSteps (app/modules/grants/office-steps.ts). A refusal is shown in
// the form of its step, at its field when it has one.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OfficeStep } from '~/modules/grants/office-steps'

export type StepResult = { step: OfficeStep; error: { key: string; field: string | null; values: Record<string, string | number> } } | null | undefined

const FIELD = 'mt-1 block rounded-town border border-muted bg-surface px-3 py-2'
const BUTTON = 'rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast'

function useStep(step: OfficeStep, result: StepResult) {
	const { t } = useTranslation('grants')
	const error = result?.step === step ? result.error : null
	// The formal check's and settlement's message field answers for both "message" and "reason".
	const isAt = (name: string) => Boolean(error?.field && (error.field === name || (name === 'message' && error.field === 'reason')))
	const fieldProps = (name: string) => ({ 'aria-invalid': isAt(name) ? true : undefined, 'aria-describedby': isAt(name) ? `${step}-error` : undefined })
	return { t, error, fieldProps }
}

function StepForm({ step, result, title, children }: { step: OfficeStep; result: StepResult; title?: string; children: ReactNode }) {
	const { t, error } = useStep(step, result)
	return (
		<Form method="post" className="space-y-2 rounded-town border border-muted p-4" aria-labelledby={title ? `${step}-title` : undefined}>
			{title ? (
				<h2 id={`${step}-title`} className="text-xl font-bold">
					{title}
				</h2>
			) : null}
			<div role="alert">
				{error ? (
					<p id={`${step}-error`} className="rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
						{t(error.key, error.values)}
					</p>
				) : null}
			</div>
			<input type="hidden" name="intent" value={step} />
			{children}
		</Form>
	)
}

const Submit = ({ children }: { children: ReactNode }) => (
	<div>
		<button type="submit" className={BUTTON}>
			{children}
		</button>
	</div>
)

export function DeclareStep({ result }: { result: StepResult }) {
	const { t } = useStep('declare', result)
	return (
		<StepForm step="declare" result={result} title={t('office.declareTitle')}>
			<p>{t('office.declareHelp')}</p>
			<label className="block">
				<input type="radio" name="conflict" value="no" defaultChecked /> {t('office.noConflict')}
			</label>
			<label className="block">
				<input type="radio" name="conflict" value="yes" /> {t('office.hasConflict')}
			</label>
			<Submit>{t('office.declare')}</Submit>
		</StepForm>
	)
}

export function ScoreStep({ result, criteria }: { result: StepResult; criteria: { code: string; name: string; maxPoints: number; weight: number }[] }) {
	const { t, fieldProps } = useStep('score', result)
	return (
		<StepForm step="score" result={result} title={t('office.scoreTitle')}>
			{criteria.map((c) => (
				<div key={c.code} className="grid gap-2 sm:grid-cols-2">
					<div>
						<label htmlFor={`score-${c.code}`} className="block font-semibold">
							{c.name} (0–{c.maxPoints}, ×{c.weight})
						</label>
						<input
							id={`score-${c.code}`}
							name={`score-${c.code}`}
							type="number"
							min={0}
							max={c.maxPoints}
							className={FIELD}
							{...fieldProps(`score-${c.code}`)}
						/>
					</div>
					<div>
						<label htmlFor={`comment-${c.code}`} className="block font-semibold">
							{t('office.comment')} – {c.name}
						</label>
						<input id={`comment-${c.code}`} name={`comment-${c.code}`} className={FIELD} />
					</div>
				</div>
			))}
			<Submit>{t('office.saveScore')}</Submit>
		</StepForm>
	)
}

export function FormalStep({ result }: { result: StepResult }) {
	const { t, fieldProps } = useStep('formal', result)
	return (
		<StepForm step="formal" result={result} title={t('office.formalTitle')}>
			<fieldset>
				<legend className="sr-only">{t('office.formalTitle')}</legend>
				{(['complete', 'returned', 'excluded'] as const).map((o) => (
					<label key={o} className="block">
						<input type="radio" name="outcome" value={o} defaultChecked={o === 'complete'} /> {t(`office.formal.${o}`)}
					</label>
				))}
			</fieldset>
			<label htmlFor="formal-message" className="block font-semibold">
				{t('office.formalMessage')}
			</label>
			<textarea id="formal-message" name="message" rows={2} className={FIELD} {...fieldProps('message')} />
			<label htmlFor="formal-deadline" className="block font-semibold">
				{t('office.formalDeadline')}
			</label>
			<input id="formal-deadline" name="deadline" type="date" className={FIELD} {...fieldProps('deadline')} />
			<Submit>{t('office.record')}</Submit>
		</StepForm>
	)
}

export function AssignStep({ result, evaluators }: { result: StepResult; evaluators: { id: string; name: string }[] }) {
	const { t } = useStep('assign', result)
	return (
		<StepForm step="assign" result={result} title={t('office.assignTitle')}>
			{evaluators.length === 0 ? <p>{t('office.noEvaluators')}</p> : null}
			<fieldset>
				<legend className="sr-only">{t('office.evaluators')}</legend>
				{evaluators.map((e) => (
					<label key={e.id} className="block">
						<input type="checkbox" name="evaluatorIds" value={e.id} /> {e.name}
					</label>
				))}
			</fieldset>
			<Submit>{t('office.assign')}</Submit>
		</StepForm>
	)
}

export function DecideStep({ result }: { result: StepResult }) {
	const { t, fieldProps } = useStep('decide', result)
	return (
		<StepForm step="decide" result={result} title={t('office.decideTitle')}>
			<fieldset>
				<legend className="sr-only">{t('office.decideTitle')}</legend>
				<label className="block">
					<input type="radio" name="outcome" value="award" defaultChecked /> {t('office.award')}
				</label>
				<label className="block">
					<input type="radio" name="outcome" value="reject" /> {t('office.reject')}
				</label>
			</fieldset>
			{(['resolutionNumber', 'resolutionDate', 'amount', 'reason'] as const).map((name) => (
				<div key={name}>
					<label htmlFor={`decide-${name}`} className="block font-semibold">
						{t(`office.${name}`)}
					</label>
					<input id={`decide-${name}`} name={name} type={name === 'resolutionDate' ? 'date' : 'text'} className={FIELD} {...fieldProps(name)} />
				</div>
			))}
			<label className="block">
				<input type="checkbox" name="confirmOverBudget" {...fieldProps('confirmOverBudget')} /> {t('office.confirmOverBudget')}
			</label>
			<Submit>{t('office.decide')}</Submit>
		</StepForm>
	)
}

export function ContractStep({ result, applicationId, contractNumber }: { result: StepResult; applicationId: string; contractNumber: string | null }) {
	const { t } = useStep('contract', result)
	return (
		<StepForm step="contract" result={result} title={t('office.contractTitle')}>
			{contractNumber ? (
				<p>
					<a href={`/urad/dotace/zadost/${applicationId}/smlouva.pdf`}>{t('office.contractPdf', { number: contractNumber })}</a>
				</p>
			) : null}
			<Submit>{t('office.generateContract')}</Submit>
		</StepForm>
	)
}

export function SignedStep({ result }: { result: StepResult }) {
	const { t, fieldProps } = useStep('signed', result)
	return (
		<StepForm step="signed" result={result}>
			<label htmlFor="signedOn" className="block font-semibold">
				{t('office.signedOn')}
			</label>
			<input id="signedOn" name="signedOn" type="date" className={FIELD} {...fieldProps('signedOn')} />
			<Submit>{t('office.markSigned')}</Submit>
		</StepForm>
	)
}

export function PaidStep({ result }: { result: StepResult }) {
	const { t, fieldProps } = useStep('paid', result)
	return (
		<StepForm step="paid" result={result}>
			<label htmlFor="paidOn" className="block font-semibold">
				{t('office.paidOn')}
			</label>
			<input id="paidOn" name="paidOn" type="date" className={FIELD} {...fieldProps('paidOn')} />
			<Submit>{t('office.markPaid')}</Submit>
		</StepForm>
	)
}

export function SettlementStep({ result }: { result: StepResult }) {
	const { t, fieldProps } = useStep('settlement', result)
	return (
		<StepForm step="settlement" result={result}>
			<fieldset>
				<legend className="sr-only">{t('settlement.title')}</legend>
				<label className="block">
					<input type="radio" name="outcome" value="approved" defaultChecked /> {t('office.approve')}
				</label>
				<label className="block">
					<input type="radio" name="outcome" value="more_requested" /> {t('office.askMore')}
				</label>
			</fieldset>
			<label htmlFor="settlement-message" className="block font-semibold">
				{t('office.formalMessage')}
			</label>
			<textarea id="settlement-message" name="message" rows={2} className={FIELD} {...fieldProps('message')} />
			<Submit>{t('office.record')}</Submit>
		</StepForm>
	)
}
