import { generateRecoveryKey } from '~/platform/crypto/recovery-key.server'
import { IntakeSchema } from '~/features/intake/intake-schema'
import { getRecoveryPublicKey, setRecoveryPublicKey } from '~/features/cases/office-keys.server'
import { createRequest } from '~/features/intake/store-request.server'
import { createStaffUser } from '~/features/staff-admin/staff-user.server'
import { PASSWORD } from '../support/staff'

// ---------------------------------------------------------------------------
// The office every property works in

export let office: Promise<void> | undefined

/** A recovery key and a lead, or the form refuses every request (OfficeNotSetUpError). */
export function setUpOffice(): Promise<void> {
	office ??= (async () => {
		if (await getRecoveryPublicKey()) return
		await setRecoveryPublicKey(generateRecoveryKey().keyPair.publicKey)
		await createStaffUser({
			email: 'fuzz-office-lead@example.ch',
			displayName: 'Fuzz lead',
			role: 'LEAD',
			password: PASSWORD,
		})
	})()
	return office
}

export async function newCase(narrative: string) {
	return createRequest(
		IntakeSchema.parse({
			narrative,
			areas: ['work'],
			responseWish: 'ANSWER',
			contactMode: 'anonymous',
			consent: 'yes',
		}),
		[],
	)
}

export const inList = (list: readonly string[], value: string | null) =>
	value === null || list.includes(value)
export const allInList = (list: readonly string[], values: string[]) =>
	values.every((v) => list.includes(v))
