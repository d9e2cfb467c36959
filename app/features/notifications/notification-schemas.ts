// The notification forms of the back office, shared by the server (which
// decides) and the page (Conform). Messages are keys of the `staff` namespace.
import { z } from 'zod'
import { choice } from '~/platform/forms/schema-fields'

export const NOTICE_MODES = ['EACH', 'DIGEST'] as const

/** An account's choice: a mail for each new thing, or one digest a day. */
export const NoticeModeSchema = z.object({ noticeMode: choice(NOTICE_MODES) })

export const TEST_MAIL_TARGETS = ['own', 'office'] as const

/** The admin's test mail: to their own address or to the office's. */
export const TestMailSchema = z.object({ to: choice(TEST_MAIL_TARGETS) })
