import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type Member = {
	id: string
	name: string
	email: string
	roles: string[]
	agendas: string[]
	disabledAt: string | null
	lockedUntil: string | null
	totpEnabledAt: string | null
	isInvitationPending: boolean
}

export function StaffTable({ staff, myId, canUpdate }: { staff: Member[]; myId: string; canUpdate: boolean }) {
	const { t } = useTranslation('office')
	const statusOf = (member: Member) =>
		member.disabledAt
			? t('staff.status.disabled')
			: member.isInvitationPending
				? t('staff.status.invited')
				: member.lockedUntil && new Date(member.lockedUntil) > new Date()
					? t('staff.status.locked')
					: t('staff.status.active')
	return (
		<div className="overflow-x-auto">
			<table className="stack-table w-full border-collapse text-left">
				<caption className="sr-only">{t('staff.tableCaption')}</caption>
				<thead>
					<tr className="border-b border-muted">
						<th scope="col" className="p-2">
							{t('fields.name')}
						</th>
						<th scope="col" className="p-2">
							{t('fields.email')}
						</th>
						<th scope="col" className="p-2">
							{t('home.roles')}
						</th>
						<th scope="col" className="p-2">
							{t('home.agendas')}
						</th>
						<th scope="col" className="p-2">
							{t('staff.statusHeading')}
						</th>
						<th scope="col" className="p-2">
							{t('home.secondFactor')}
						</th>
						{canUpdate ? (
							<th scope="col" className="p-2">
								{t('staff.actionsHeading')}
							</th>
						) : null}
					</tr>
				</thead>
				<tbody>
					{staff.map((member) => (
						<tr key={member.id} className="border-b border-muted/30">
							<th scope="row" className="p-2 font-medium">
								{member.name}
							</th>
							<td data-label={t('fields.email')} className="p-2">
								{member.email}
							</td>
							<td data-label={t('home.roles')} className="p-2">
								{member.roles.map((role) => t(`roles.${role}`)).join(', ')}
							</td>
							<td data-label={t('home.agendas')} className="p-2">
								{member.agendas.map((agenda) => t(`agendas.${agenda}`)).join(', ') || '—'}
							</td>
							<td data-label={t('staff.statusHeading')} className="p-2">
								{statusOf(member)}
							</td>
							<td data-label={t('home.secondFactor')} className="p-2">
								{member.totpEnabledAt ? t('home.totpOn') : t('home.totpOff')}
							</td>
							{canUpdate ? (
								<td data-label={t('staff.actionsHeading')} className="p-2">
									{member.id === myId ? null : (
										<Form method="post">
											<input type="hidden" name="staffUserId" value={member.id} />
											<button
												type="submit"
												name="intent"
												value={member.disabledAt ? 'enable' : 'disable'}
												className="rounded-town border-2 border-muted bg-surface px-3 py-1 text-sm font-semibold text-ink"
											>
												{t(member.disabledAt ? 'staff.enable' : 'staff.disable', { name: member.name })}
											</button>
										</Form>
									)}
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
