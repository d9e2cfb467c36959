import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { homePathOf } from '~/platform/permissions'
import { requireStaffActor } from '~/features/staff-auth/require-staff.server'

export async function loader({ request }: LoaderFunctionArgs) {
	const actor = await requireStaffActor(request)
	return redirect(homePathOf(actor.role))
}
