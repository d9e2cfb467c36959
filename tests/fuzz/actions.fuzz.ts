// Fuzzing the actions that take input from outside: the public request form,
// the follow-up page, the staff login, a case's staff actions, recording a
// case, the admin's pages and the activities page. fast-check builds random and hostile posts (megabyte strings,
// control characters with NUL and the right-to-left override, Arabic,
// Tigrinya and emoji, invalid choices, repeated fields, markup and SQL,
// missing fields, broken multipart bodies, wrong content types) and each
// property states what must hold whatever arrives: never a 5xx, nothing
// half-stored, nothing opened without the right secret.
//
// Rendering is not run here: where a refusal hands typed values back for the
// page, they must be the strings as typed (React escapes them, and the
// end-to-end tests check that in a browser).
//
// The route modules are called in-process, as Remix calls them. Every run is
// counted and a failing run does not stop the others, so a report says how
// often each property failed and shows one example per kind of failure
// (fast-check's shrinking would minimise only the first and cost minutes on
// megabyte inputs). tests/integration/fuzz.test.ts runs a small sample with
// `npm test`; `npm run fuzz` runs thousands.
//
// runner.ts runs a property and reports; bodies.ts builds requests the way
// browsers and attackers send them; arbitraries.ts holds the hostile values;
// office.ts sets up the office every property works in; properties/ has one
// file per action.
import { activityProperty } from './properties/activities'
import { adminProperty } from './properties/admin'
import { caseProperty } from './properties/casework'
import { followUpProperty } from './properties/follow-up'
import { intakeProperty } from './properties/intake'
import { loginProperty } from './properties/login'
import { recordingProperty } from './properties/recording'
import { type FuzzProperty } from './runner'

export { formatResult, type FuzzFailure, type FuzzProperty, type FuzzResult } from './runner'
export { setUpOffice } from './office'

export const FUZZ_PROPERTIES: FuzzProperty[] = [
	intakeProperty,
	followUpProperty,
	caseProperty,
	recordingProperty,
	loginProperty,
	adminProperty,
	activityProperty,
]
