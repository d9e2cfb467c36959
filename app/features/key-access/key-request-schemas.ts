// The forms of the key approval page: a decision on one request, or passing
// the keys a lead holds on to an approved account still missing some.
import { z } from 'zod'
import { recordId } from '~/platform/forms/schema-fields'

export const KeyRequestIdSchema = z.object({ requestId: recordId })

export const AccountIdSchema = z.object({ userId: recordId })
