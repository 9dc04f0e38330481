import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { blueprintDownload } from '~/modules/onboarding/wizard-blueprint.server'
import { readDraft } from '~/modules/onboarding/wizard-state.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'

// The onboarding wizard's "download blueprint (zip)": a resource route, because a file cannot be the
// answer of the wizard's own (UI) route to a document POST. The signed draft comes from the form.
export async function action({ request, context }: ActionFunctionArgs) {
	const { vendor } = await requireVendor(request, context)
	const draft = readDraft(await request.formData(), vendor.id)
	// An expired or altered draft: back to the wizard, which starts again.
	if (!draft) return redirect('/platform/obce/nova')
	const download = blueprintDownload(draft)
	if (download.ok) return download.response
	// Only offered once every step passed its checks; should the blueprint still be refused, say why.
	return new Response(`Blueprint nelze vytvořit / The blueprint cannot be created:\n${download.problems.map((problem) => `- ${problem}`).join('\n')}\n`, {
		status: 400,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
	})
}

export function loader() {
	return redirect('/platform/obce/nova')
}
