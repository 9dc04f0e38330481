// The history of a town's provider accounts (card gateways, SMS gateway): masked, never the secret.
export type CredentialHistoryRow = { id: string; provider: string; status: string; hint: string; keyId: string; createdBy: string; createdAt: string }
export type CredentialHistoryLabels = { provider: string; status: string; hint: string; keyId: string; createdBy: string; createdAt: string }

export function CredentialHistory({
	rows,
	labels,
	statusName,
}: {
	rows: CredentialHistoryRow[]
	labels: CredentialHistoryLabels
	statusName: (status: string) => string
}) {
	const columns = ['provider', 'status', 'hint', 'keyId', 'createdBy', 'createdAt'] as const
	return (
		<table className="stack-table w-full text-left text-sm">
			<thead>
				<tr>
					{columns.map((column) => (
						<th key={column} scope="col">
							{labels[column]}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.id}>
						{columns.map((column) => (
							<td key={column} data-label={labels[column]}>
								{column === 'status' ? statusName(row.status) : row[column]}
							</td>
						))}
					</tr>
				))}
			</tbody>
		</table>
	)
}
