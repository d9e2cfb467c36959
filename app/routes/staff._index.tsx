import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { homePathOf } from '~/domain/permissions'
import { requireStaffActor } from '~/staff/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request)
	return redirect(homePathOf(actor.role))
}
