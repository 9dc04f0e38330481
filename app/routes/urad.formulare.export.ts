import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { findFormVersionDefinition } from '~/modules/form-builder/list-form-versions.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

const QuerySchema = z.object({ code: z.string().regex(/^[a-z][a-z0-9-]{1,60}$/), version: z.coerce.number().int().min(1) })

// One version's definition (?formular=<code>&verze=<n>) as a JSON download, ready to import into another town or back here.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'Form', { request, context })
	const params = new URL(request.url).searchParams
	const query = QuerySchema.safeParse({ code: params.get('formular'), version: params.get('verze') })
	if (!query.success) throw data(null, { status: 404 })
	const version = await findFormVersionDefinition({ db: user.db, code: query.data.code, version: query.data.version })
	if (!version) throw data(null, { status: 404 })
	return new Response(JSON.stringify(version.definition, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="${query.data.code}-v${query.data.version}.json"`,
		},
	})
}
