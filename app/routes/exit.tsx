// /exit: the quick exit's target. A plain link without JavaScript (GET), the
// same with it (location.replace, so that Back does not come back here).
// Ending the follow-up session is the only thing it changes: a foreign page
// that links here can at most sign a reporter out.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { leaveQuickly } from '~/features/follow-up/quick-exit.server'

export const loader = ({ request }: LoaderFunctionArgs) => leaveQuickly(request)

export const action = ({ request }: ActionFunctionArgs) => leaveQuickly(request)
